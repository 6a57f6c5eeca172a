import { Text, View } from '@tarojs/components';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { Choices } from '../../../components/staff/choices';
import { Field } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { Tappable } from '../../../components/tappable';
import { useLaws } from '../../../hooks/use-laws';
import { useStaffLessons, type StaffLesson, type StaffLessons } from '../../../hooks/use-staff-lessons';
import { openPage } from '../../../routes';
import { chinaStamp } from '../../../time';
import { lessonEditUrl } from '../../routes';
import './index.scss';

function LessonRow({ lesson, staff }: { lesson: StaffLesson; staff: StaffLessons }) {
  const confirming = staff.confirmingId === lesson.id;
  const busy = staff.togglingId === lesson.id;
  if (lesson.status === 'retired') {
    return (
      <View className='l-row l-row--removed' data-testid='lesson-row-removed' data-lesson-id={lesson.id}>
        <View className='l-row__main'>
          <Text className='tag tag--grey'>已移除</Text>
          <Text className='l-row__title'>{lesson.title}</Text>
          <Text className='l-row__summary'>
            {lesson.removedBy ?? '工作人员'} 于 {chinaStamp(lesson.removedAt)} 移除
          </Text>
        </View>
        <View className='l-row__side'>
          <ActionButton small busy={busy} label={`恢复这一课：${lesson.title}`} testId='lesson-restore' onTap={() => staff.toggle(lesson.id, true)}>
            恢复
          </ActionButton>
        </View>
      </View>
    );
  }
  return (
    <View className='l-row' data-testid='lesson-row' data-lesson-id={lesson.id}>
      <Tappable className='l-row__main' role='link' label={`第${lesson.number ?? ''}课：${lesson.title}，点按修改`} onTap={() => openPage(lessonEditUrl({ id: lesson.id }))}>
        <Text className='l-row__order'>第 {lesson.number} 课</Text>
        <Text className='l-row__title'>{lesson.title}</Text>
        <Text className='l-row__summary'>{lesson.summary}</Text>
      </Tappable>
      <View className='l-row__side'>
        {confirming ? (
          <>
            <ActionButton small kind='danger' busy={busy} label={`确认移除第${lesson.number ?? ''}课：${lesson.title}`} testId='lesson-remove-confirm' onTap={() => staff.toggle(lesson.id, false)}>
              确认移除
            </ActionButton>
            <ActionButton small label='取消移除' onTap={() => staff.askRemove(null)}>
              取消
            </ActionButton>
          </>
        ) : (
          <ActionButton small kind='danger' label={`移除第${lesson.number ?? ''}课：${lesson.title}`} testId='lesson-remove' onTap={() => staff.askRemove(lesson.id)}>
            移除
          </ActionButton>
        )}
      </View>
    </View>
  );
}

/** 课程管理: the lessons of each law; open one to edit, add one, remove one or restore a removed one. */
function StaffLessonsBody() {
  const laws = useLaws({ all: true });
  const staff = useStaffLessons(laws.data?.laws ?? null);
  return (
    <>
      <StaffCallView state={laws} loadingText='正在加载法律列表…' emptyText='还没有法律' isEmpty={(d) => d.laws.length === 0}>
        {(lawData) => (
          <View>
            <View className='card'>
              <Field label='法律'>
                <Choices label='选择法律' testId='lesson-law' choices={lawData.laws.map((l) => ({ value: l.id, label: l.short }))} selected={staff.lawId ? [staff.lawId] : []} onToggle={staff.setLawId} />
              </Field>
            </View>
            <FormErrors error={staff.toggleError} testId='lesson-remove-error' />
            {staff.lawId && (
              <StaffCallView state={staff.lessons} loadingText='正在加载课程…'>
                {(data) => {
                  const visible = data.lessons.filter((l) => l.status === 'active');
                  const removed = data.lessons.filter((l) => l.status === 'retired');
                  const lastOrder = data.lessons.reduce((n, l) => Math.max(n, l.order), 0);
                  return (
                    <View data-testid='lesson-list'>
                      <View className='button-row'>
                        <ActionButton kind='primary' label={`为${data.law.short}新增一课`} testId='lesson-new' onTap={() => openPage(lessonEditUrl({ lawId: data.law.id, order: lastOrder + 1 }))}>
                          ＋ 新增一课
                        </ActionButton>
                      </View>
                      <Text className='section-title'>
                        {data.law.short} · 共 {visible.length} 课
                      </Text>
                      {visible.length === 0 && <Text className='muted'>这部法律现在没有课程，读者仍可以做它的练习题。点“新增一课”添加。</Text>}
                      {visible.map((lesson) => (
                        <LessonRow key={lesson.id} lesson={lesson} staff={staff} />
                      ))}
                      {removed.length > 0 && (
                        <View data-testid='lesson-removed-list'>
                          <Text className='section-title'>已移除的课程</Text>
                          <Text className='muted'>读者看不到这些课程；阅读人次照常保留。点“恢复”可以放回原来的位置。</Text>
                          {removed.map((lesson) => (
                            <LessonRow key={lesson.id} lesson={lesson} staff={staff} />
                          ))}
                        </View>
                      )}
                    </View>
                  );
                }}
              </StaffCallView>
            )}
          </View>
        )}
      </StaffCallView>
    </>
  );
}

export default function StaffLessonsPage() {
  return (
    <StaffPage testId='staff-lessons' need='district'>
      <StaffLessonsBody />
    </StaffPage>
  );
}
