import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Output } from '@shared/contracts';
import { SelectInput } from '../../../components/hall/select-input';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { Field, TextInput } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { useStaffPlaces } from '../../../hooks/use-staff-places';
import { openPage, ROUTES } from '../../../routes';
import '../people/index.scss';

type PlaceTown = Output<'staff', 'listPlaces'>['towns'][number];
type Places = ReturnType<typeof useStaffPlaces>;

function VillageRow({ town, v, places }: { town: PlaceTown; v: PlaceTown['villages'][number]; places: Places }) {
  const [name, setName] = useState(v.name);
  const [stationName, setStationName] = useState(v.station?.name ?? '');
  const [into, setInto] = useState('');
  const others = town.villages.filter((o) => o.id !== v.id && !o.retired);
  return (
    <View className='card member' data-testid='village-admin-row' data-village={v.id}>
      <View className='member__head'>
        <Text className='member__name'>{v.name}</Text>
        <Text className={`member__state${v.retired ? ' member__state--off' : ''}`}>{v.retired ? (v.mergedInto ? '已合并' : '已停用') : '使用中'}</Text>
      </View>
      <Field label='名称'>
        <TextInput label={`${v.name}的名称`} value={name} maxLength={20} onChange={setName} testId='village-name' />
      </Field>
      <Field label='工作室'>
        <TextInput label={`${v.name}的工作室名称`} value={stationName} maxLength={30} placeholder='还没有工作室' onChange={setStationName} testId='station-name' />
      </Field>
      <View className='member__actions'>
        <ActionButton small label={`保存${v.name}的名称`} busy={places.busy} testId='village-rename' onTap={() => void places.renameVillage({ town: town.id, village: v.id, name })}>
          改名
        </ActionButton>
        <ActionButton small label={`保存${v.name}的工作室`} busy={places.busy} disabled={!stationName.trim()} testId='station-save' onTap={() => void places.setStation({ town: town.id, village: v.id, station: { name: stationName, active: v.station?.active ?? true } })}>
          保存工作室
        </ActionButton>
        {v.station && (
          <ActionButton small label={`${v.station.active ? '暂停' : '开放'}${v.name}的工作室`} busy={places.busy} testId='station-toggle' onTap={() => void places.setStation({ town: town.id, village: v.id, station: { name: v.station?.name ?? stationName, active: !v.station?.active } })}>
            {v.station.active ? '暂停工作室' : '开放工作室'}
          </ActionButton>
        )}
        <ActionButton small label={`${v.retired ? '恢复' : '停用'}${v.name}`} busy={places.busy} testId='village-retire' onTap={() => void places.retireVillage({ town: town.id, village: v.id, retired: !v.retired })}>
          {v.retired ? '恢复' : '停用'}
        </ActionButton>
      </View>
      {!v.retired && others.length > 0 && (
        <View className='member__actions'>
          <SelectInput label={`把${v.name}并入`} placeholder='并入另一个村（社区）…' options={others.map((o) => ({ value: o.id, label: o.name }))} value={into} onChange={setInto} testId='merge-into' />
          <ActionButton small label={`把${v.name}并入所选村（社区）`} busy={places.busy} disabled={!into} testId='merge-run' onTap={() => void places.mergeVillages({ town: town.id, from: v.id, into })}>
            合并
          </ActionButton>
        </View>
      )}
    </View>
  );
}

/** 村（社区）管理: district staff keep each town's villages and stations; retired ones keep their history. */
function StaffPlacesBody() {
  const places = useStaffPlaces();
  const [townId, setTownId] = useState('');
  const [newName, setNewName] = useState('');
  return (
    <>
      <ActionButton kind='primary' label='从表格导入村（社区）' testId='places-import' onTap={() => openPage(`${ROUTES.staffImport}?target=villages`)}>
        从表格导入村（社区）
      </ActionButton>
      <StaffCallView state={places.list} loadingText='正在加载镇街…'>
        {(data) => {
          const town = data.towns.find((t) => t.id === townId);
          return (
            <View>
              <Field label='镇街'>
                <SelectInput label='镇街' placeholder='请选择镇街' options={data.towns.map((t) => ({ value: t.id, label: `${t.name}（${t.villages.filter((v) => !v.retired).length}）` }))} value={townId} onChange={setTownId} testId='places-town' />
              </Field>
              <FormErrors error={places.error} testId='places-error' />
              {town && (
                <View>
                  <View className='card member'>
                    <Field label='新增村（社区）'>
                      <TextInput label='新增村（社区）名称' value={newName} maxLength={20} onChange={setNewName} testId='village-new' />
                    </Field>
                    <ActionButton kind='primary' small label='新增村（社区）' busy={places.busy} disabled={!newName.trim()} testId='village-add' onTap={() => void places.addVillage({ town: town.id, name: newName }).then((ok) => ok && setNewName(''))}>
                      新增
                    </ActionButton>
                  </View>
                  {town.villages.length === 0 && <Text className='staff-note'>这个镇街还没有录入村（社区）。居民可以只选镇街，求助和建议会交给镇街妇联。</Text>}
                  {town.villages.map((v) => (
                    <VillageRow key={`${v.id}-${v.name}-${v.station?.name ?? ''}`} town={town} v={v} places={places} />
                  ))}
                </View>
              )}
            </View>
          );
        }}
      </StaffCallView>
    </>
  );
}

export default function StaffPlacesPage() {
  return (
    <StaffPage testId='staff-places' need='district'>
      <StaffPlacesBody />
    </StaffPage>
  );
}
