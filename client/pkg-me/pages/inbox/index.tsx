import { Text, View } from '@tarojs/components';
import { noticeTarget } from '../../../components/hall/urls';
import { CallView } from '../../../components/call-view';
import { Page } from '../../../components/page';
import { dayOf } from '../../../time';
import { Tappable } from '../../../components/tappable';
import { useInbox, type InboxItemView, type InboxState } from '../../../hooks/use-inbox';
import './index.scss';
import { LoadMore } from '../../../components/load-more';

function InboxItem({ item, inbox }: { item: InboxItemView; inbox: InboxState }) {
  const read = inbox.isRead(item);
  const goes = noticeTarget(item.page) !== null;
  return (
    <Tappable
      className={`card notice${read ? '' : ' notice--unread'}`}
      role={goes ? 'link' : 'button'}
      testId='inbox-item'
      label={`${read ? '' : '未读，'}${item.title}：${item.body}，${dayOf(item.createdAt)}${goes ? '，点按查看详情' : ''}`}
      onTap={() => inbox.open(item)}
    >
      <View className='notice__head'>
        {!read && (
          <Text className='notice__new' data-testid='inbox-unread-mark'>
            未读
          </Text>
        )}
        <Text className='notice__title'>{item.title}</Text>
        <Text className='notice__date'>{dayOf(item.createdAt)}</Text>
      </View>
      <Text className='notice__body'>{item.body}</Text>
      {goes && <Text className='notice__go'>查看详情 ›</Text>}
    </Tappable>
  );
}

/** 我的消息: every notice, newest first, unread ones marked; opening one marks it read and goes to its page. */
export default function InboxPage() {
  const inbox = useInbox();
  return (
    <Page testId='inbox-page'>
      <CallView state={inbox.list} loadingText='正在加载消息…' emptyText='还没有消息。你提的建议有进展时，会在这里告诉你。' isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <View data-testid='inbox-list'>
            <View className='inbox-bar'>
              <Text className='inbox-bar__count' data-testid='inbox-count'>
                {inbox.list.hasMore ? '已显示' : '共'} {data.items.length} 条{inbox.unread > 0 ? `，${inbox.unread} 条未读` : '，都已读'}
              </Text>
              {inbox.unread > 0 && (
                <Tappable className='button inbox-bar__all' testId='inbox-read-all' disabled={inbox.marking} label='全部标为已读' onTap={inbox.markAllRead}>
                  <Text>全部已读</Text>
                </Tappable>
              )}
            </View>
            {inbox.error && (
              <Text className='inbox-error' aria-live='polite'>
                {inbox.error.message}
              </Text>
            )}
            {data.items.map((item) => (
              <InboxItem key={item.id} item={item} inbox={inbox} />
            ))}
          </View>
        )}
      </CallView>
      <LoadMore list={inbox.list} label='加载更多消息' />
    </Page>
  );
}
