import { Text, View } from '@tarojs/components';
import { Page } from '../../../components/page';
import { ActionButton } from '../../../components/staff/action-button';
import { Choices } from '../../../components/staff/choices';
import { Field } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { Tappable } from '../../../components/tappable';
import { useLaws } from '../../../hooks/use-laws';
import { useStaffLessons } from '../../../hooks/use-staff-lessons';
import { openPage } from '../../../routes';
import { lessonEditUrl } from '../../routes';
import './index.scss';

/** 课程管理: the lessons of each law; open one to edit, add one, or remove one. */
export default function StaffLessonsPage() {
  const laws = useLaws();
  const staff = useStaffLessons(laws.data?.laws ?? null);
  return (
    <Page testId='staff-lessons'>
      <StaffCallView state={laws} loadingText='正在加载法律列表…' emptyText='还没有法律' isEmpty={(d) => d.laws.length === 0}>
        {(lawData) => (
          <View>
            <View className='card'>
              <Field label='法律'>
                <Choices label='选择法律' testId='lesson-law' choices={lawData.laws.map((l) => ({ value: l.id, label: l.short }))} selected={staff.lawId ? [staff.lawId] : []} onToggle={staff.setLawId} />
              </Field>
            </View>
            <FormErrors error={staff.removeError} testId='lesson-remove-error' />
            {staff.lawId && (
              <StaffCallView state={staff.lessons} loadingText='正在加载课程…' emptyText='这部法律还没有课程' isEmpty={() => false}>
                {(data) => (
                  <View data-testid='lesson-list'>
                    <View className='button-row'>
                      <ActionButton kind='primary' label={`为${data.law.short}新增一课`} testId='lesson-new' onTap={() => openPage(lessonEditUrl({ lawId: data.law.id, order: data.lessons.length + 1 }))}>
                        ＋ 新增一课
                      </ActionButton>
                    </View>
                    <Text className='section-title'>
                      {data.law.short} · 共 {data.lessons.length} 课
                    </Text>
                    {data.lessons.length === 0 && <Text className='muted'>这部法律还没有课程。</Text>}
                    {data.lessons.map((lesson) => {
                      const confirming = staff.confirmingId === lesson.id;
                      return (
                        <View key={lesson.id} className='l-row' data-testid='lesson-row' data-lesson-id={lesson.id}>
                          <Tappable className='l-row__main' role='link' label={`第${lesson.order}课：${lesson.title}，点按修改`} onTap={() => openPage(lessonEditUrl({ id: lesson.id }))}>
                            <Text className='l-row__order'>第 {lesson.order} 课</Text>
                            <Text className='l-row__title'>{lesson.title}</Text>
                            <Text className='l-row__summary'>{lesson.summary}</Text>
                          </Tappable>
                          <View className='l-row__side'>
                            {confirming ? (
                              <>
                                <ActionButton small kind='danger' busy={staff.removing} label={`确认移除第${lesson.order}课：${lesson.title}`} testId='lesson-remove-confirm' onTap={() => staff.remove(lesson.id)}>
                                  确认移除
                                </ActionButton>
                                <ActionButton small label='取消移除' onTap={() => staff.askRemove(null)}>
                                  取消
                                </ActionButton>
                              </>
                            ) : (
                              <ActionButton small kind='danger' label={`移除第${lesson.order}课：${lesson.title}`} testId='lesson-remove' onTap={() => staff.askRemove(lesson.id)}>
                                移除
                              </ActionButton>
                            )}
                          </View>
                        </View>
                      );
                    })}
                  </View>
                )}
              </StaffCallView>
            )}
          </View>
        )}
      </StaffCallView>
    </Page>
  );
}
