import { Text, View } from '@tarojs/components';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { countText } from '../../../components/stats/format';
import { FIRST_ACTIVITY_YEAR, rememberActivity, useStatsActivities, type Activity } from '../../../hooks/use-stats-activities';
import { ROUTES, openPage } from '../../../routes';
import { chinaStamp } from '../../../time';
import '../../../components/stats/stats.scss';

function ActivityRow({ a }: { a: Activity }) {
  const edit = () => {
    rememberActivity(a);
    openPage(`${ROUTES.staffActivityEdit}?id=${encodeURIComponent(a.id)}`);
  };
  return (
    <View className={`card activity${a.removed ? ' activity--removed' : ''}`} data-testid={a.removed ? 'activity-row-removed' : 'activity-row'} data-activity-id={a.id}>
      <View className='activity__head'>
        <Text className='tag'>{a.type}</Text>
        <Text className='activity__date'>{a.date}</Text>
      </View>
      <Text className='activity__title'>{a.title}</Text>
      <Text className='activity__line'>地点：{a.placeName}</Text>
      <Text className='activity__numbers'>
        覆盖 {countText(a.reached)} 人 · 发放资料 {countText(a.materials)} 份
      </Text>
      {a.note && <Text className='activity__line'>备注：{a.note}</Text>}
      <Text className='activity__line'>登记人：{a.byName}</Text>
      {a.edited && (
        <Text className='activity__line' data-testid='activity-edited'>
          修改过 {a.edited.times} 次，最近一次：{a.edited.byName}，{chinaStamp(a.edited.at)}
        </Text>
      )}
      {a.removed ? (
        <Text className='activity__line' data-testid='activity-removed'>
          已删除（{a.removed.byName}，{chinaStamp(a.removed.at)}），不再计入统计
        </Text>
      ) : (
        <View className='button-row'>
          <ActionButton small label={`修改或删除活动：${a.title}`} testId='activity-edit' onTap={edit}>
            修改 / 删除
          </ActionButton>
        </View>
      )}
    </View>
  );
}

/** 线下活动: lectures, trainings, materials handed out and visits logged in my scope, by year; 登记活动 adds one. */
function StaffActivitiesBody() {
  const acts = useStatsActivities();
  const { list } = acts;
  return (
    <>
      <View className='button-row'>
        <ActionButton kind='primary' label='登记线下活动' testId='activity-new' onTap={() => openPage(ROUTES.staffActivityEdit)}>
          ＋ 登记活动
        </ActionButton>
      </View>
      <View className='card year-step'>
        <ActionButton small label='上一年' disabled={acts.year <= FIRST_ACTIVITY_YEAR} testId='activities-prev-year' onTap={() => acts.setYear(acts.year - 1)}>
          ‹ 上一年
        </ActionButton>
        <Text className='year-step__text' data-testid='activities-year'>
          {acts.year} 年
        </Text>
        <ActionButton small label='下一年' disabled={acts.year >= acts.thisYear} testId='activities-next-year' onTap={() => acts.setYear(acts.year + 1)}>
          下一年 ›
        </ActionButton>
      </View>
      <StaffCallView
        state={list}
        loadingText='正在加载线下活动…'
        emptyText={acts.page > 1 ? '这一页没有活动了' : `${acts.year} 年还没有登记线下活动，点“登记活动”添加`}
        isEmpty={(d) => d.activities.length === 0 && acts.page === 1}
      >
        {(data) => (
          <View data-testid='activity-list'>
            <Text className='staff-note'>
              {acts.page === 1 && !data.hasMore ? `${acts.year} 年共 ${data.activities.filter((a) => !a.removed).length} 场` : `${acts.year} 年 · 第 ${acts.page} 页 · 本页 ${data.activities.filter((a) => !a.removed).length} 场`}，按活动日期从近到远{list.loading ? '，正在刷新…' : ''}
            </Text>
            {data.activities.map((a) => (
              <ActivityRow key={a.id} a={a} />
            ))}
            {(acts.page > 1 || data.hasMore) && (
              <View className='pager'>
                <ActionButton small label='上一页' disabled={acts.page <= 1} testId='activities-page-prev' onTap={() => acts.setPage(acts.page - 1)}>
                  上一页
                </ActionButton>
                <Text className='pager__text'>第 {acts.page} 页</Text>
                <ActionButton small label='下一页' disabled={!data.hasMore} testId='activities-page-next' onTap={() => acts.setPage(acts.page + 1)}>
                  下一页
                </ActionButton>
              </View>
            )}
          </View>
        )}
      </StaffCallView>
    </>
  );
}

export default function StaffActivitiesPage() {
  return (
    <StaffPage testId='staff-activities' need='staff'>
      <StaffActivitiesBody />
    </StaffPage>
  );
}
