import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@shared/roles';
import { StaffPage } from '../../../components/staff/staff-page';
import { PlacePicker } from '../../../components/place/place-picker';
import { ActionButton } from '../../../components/staff/action-button';
import { Choices } from '../../../components/staff/choices';
import { Field, TextInput } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { invitableRoles, useStaffPeople, type InviteDraft, type StaffMember } from '../../../hooks/use-staff-people';
import type { Towns } from '../../../hooks/use-place';
import { InviteCard } from './invite-card';
import './index.scss';

type People = ReturnType<typeof useStaffPeople>;

function InviteForm({ people, towns, viewer }: { people: People; towns: Towns; viewer: { role: StaffMember['role']; town: string | null } }) {
  const roles = invitableRoles(viewer.role);
  const [draft, setDraft] = useState<InviteDraft>({ role: roles[roles.length - 1] ?? null, town: viewer.role === 'town' ? (viewer.town ?? '') : '', village: '', name: '' });
  const needsTown = draft.role === 'town' || draft.role === 'station';
  return (
    <View className='card' data-testid='invite-form'>
      <Field label='邀请的岗位'>
        <Choices label='邀请的岗位' testId='invite-role' choices={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} selected={draft.role ? [draft.role] : []} onToggle={(role) => setDraft((d) => ({ ...d, role, village: '' }))} />
      </Field>
      {needsTown && (
        <PlacePicker
          towns={towns}
          town={draft.town}
          village={draft.village}
          onTown={(town) => setDraft((d) => ({ ...d, town: viewer.role === 'town' ? d.town : town, village: '' }))}
          onVillage={(village) => setDraft((d) => ({ ...d, village }))}
          testId='invite'
        />
      )}
      <Field label='称呼（可不填）'>
        <TextInput label='称呼' value={draft.name} maxLength={30} placeholder='例如：刘妈（示例村工作室）' onChange={(name) => setDraft((d) => ({ ...d, name }))} testId='invite-name' />
      </Field>
      <FormErrors error={people.invite.error} testId='invite-error' />
      <ActionButton kind='primary' label='生成邀请' busy={people.invite.busy} testId='invite-create' onTap={() => void people.send(draft)}>
        生成邀请
      </ActionButton>
    </View>
  );
}

function MemberRow({ m, people, towns, viewer }: { m: StaffMember; people: People; towns: Towns; viewer: { role: StaffMember['role'] } }) {
  const [moving, setMoving] = useState(false);
  const [place, setPlace] = useState({ town: m.town ?? '', village: m.village ?? '' });
  const placed = m.role === 'town' || m.role === 'station';
  return (
    <View className='card member' data-testid='staff-row' data-name={m.name}>
      <View className='member__head'>
        <Text className='member__name'>{m.name}</Text>
        <Text className={`member__state${m.active ? '' : ' member__state--off'}`}>{m.active ? '使用中' : '已停用'}</Text>
      </View>
      <Text className='member__role'>
        {ROLE_LABELS[m.role]} · {m.placeName}
      </Text>
      <View className='member__actions'>
        <ActionButton small label={`${m.active ? '停用' : '启用'}${m.name}的账号`} busy={people.activate.busy} testId='staff-toggle' onTap={() => void people.setActive(m.id, !m.active)}>
          {m.active ? '停用' : '启用'}
        </ActionButton>
        {placed && !moving && (
          <ActionButton small label={`调整${m.name}的所在地`} testId='staff-move' onTap={() => setMoving(true)}>
            调整所在地
          </ActionButton>
        )}
      </View>
      {moving && (
        <View>
          <PlacePicker towns={towns} town={place.town} village={place.village} onTown={(town) => setPlace({ town: viewer.role === 'town' ? place.town : town, village: '' })} onVillage={(village) => setPlace((p) => ({ ...p, village }))} testId='move' />
          <FormErrors error={people.move.error} testId='move-error' />
          <ActionButton kind='primary' small label='保存新的所在地' busy={people.move.busy} testId='move-save' onTap={() => void people.moveTo(m.id, place.town, place.village).then((ok) => ok && setMoving(false))}>
            保存
          </ActionButton>
        </View>
      )}
    </View>
  );
}

/** 工作人员: invite staff (never more than one holds), and the staff of one's area: switch off, move. */
function StaffPeopleBody() {
  const people = useStaffPeople();
  return (
    <>
      <StaffCallView state={people.list} loadingText='正在加载工作人员…'>
        {(data) => (
          <View>
            <Text className='section-title'>邀请工作人员</Text>
            {people.invitation ? (
              <View>
                <InviteCard inv={people.invitation} />
                <ActionButton label='再邀请一位' testId='invite-again' onTap={people.clearInvitation}>
                  再邀请一位
                </ActionButton>
              </View>
            ) : (
              <InviteForm people={people} towns={data.towns} viewer={data.viewer} />
            )}
            <Text className='section-title'>本辖区的工作人员（{data.staff.length} 位）</Text>
            <FormErrors error={people.activate.error} testId='toggle-error' />
            {data.staff.map((m) => (
              <MemberRow key={m.id} m={m} people={people} towns={data.towns} viewer={data.viewer} />
            ))}
          </View>
        )}
      </StaffCallView>
    </>
  );
}

export default function StaffPeoplePage() {
  return (
    <StaffPage testId='staff-people' need='town'>
      <StaffPeopleBody />
    </StaffPage>
  );
}
