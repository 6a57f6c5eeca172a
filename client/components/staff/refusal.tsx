import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Role } from '@shared/roles';
import { openTab, ROUTES } from '../../routes';
import { Tappable } from '../tappable';
import './staff.scss';

/** What a staff page asks of its reader: any staff role, town staff and above, district staff, or an administrator. */
export type StaffNeed = 'staff' | 'town' | 'district' | 'admin';

const STAFF: readonly Role[] = ['station', 'town', 'district', 'admin'];

/** Whether a person holding `role` may use a page that needs `need`. */
export function meetsNeed(role: Role | null, need: StaffNeed): boolean {
  if (role === null) return false;
  if (need === 'admin') return role === 'admin';
  if (need === 'district') return role === 'district' || role === 'admin';
  if (need === 'town') return role === 'town' || role === 'district' || role === 'admin';
  return STAFF.includes(role);
}

/** Why the page is not hers, in words that fit who she is. */
function wordingFor(role: Role | null, need: StaffNeed | 'scope' | 'missing'): { title: string; text: string; home: 'learn' | 'desk' } {
  if (role === null || !STAFF.includes(role)) {
    return { title: '这是妇联工作人员使用的页面', text: '这里是妇联工作人员处理工作的地方，您不需要在这里做什么。回到首页，可以继续学法、看议事。', home: 'learn' };
  }
  if (need === 'admin') return { title: '这个页面只对区妇联管理员开放', text: '如需查看，请联系区妇联管理员。您的日常工作都在工作台里。', home: 'desk' };
  if (need === 'district') return { title: '这个页面由区妇联统一管理', text: '题库、课程、答题活动和镇街妇女人数由区妇联统一维护。您的日常工作都在工作台里。', home: 'desk' };
  if (need === 'town') return { title: '这个页面由镇街和区妇联管理', text: '工作人员的邀请和调整由镇街妇联、区妇联办理。您的日常工作都在工作台里。', home: 'desk' };
  // Not found and not yours read alike: a case of another village must not show that it exists.
  if (need === 'missing') return { title: '没有找到这条内容', text: '它可能已被删除，或不在您的工作范围内。您的日常工作都在工作台里。', home: 'desk' };
  return { title: '这条内容不在您的工作范围内', text: '它属于其他镇街或村（社区）。您的日常工作都在工作台里。', home: 'desk' };
}

function goHome(home: 'learn' | 'desk'): void {
  if (home === 'learn') {
    openTab(ROUTES.learn);
    return;
  }
  // Back to the 工作台 below this page when it is there, else open it in place of this one.
  const pages = Taro.getCurrentPages();
  const below = pages.length > 1 ? pages[pages.length - 2] : undefined;
  if (below?.route && `/${below.route.replace(/^\//, '')}`.startsWith(ROUTES.staff)) {
    Taro.navigateBack().catch(() => undefined);
    return;
  }
  Taro.redirectTo({ url: ROUTES.staff }).catch(() => openTab(ROUTES.me));
}

/**
 * The one refusal of every staff page opened by someone it is not for: a kind sentence that fits
 * her role, and a way home. Nothing of the page is rendered behind it.
 */
export function Refusal({ role, need, what }: { role: Role | null; need: StaffNeed | 'scope' | 'missing'; what?: string }) {
  const wording = wordingFor(role, need);
  const { text, home } = wording;
  // What was not found, in the page's own words ("没有找到这道题，请从题库列表打开"), when it says so.
  const title = need === 'missing' && what ? what : wording.title;
  const back = home === 'learn' ? '回到首页' : '回到工作台';
  return (
    <View className='card no-access' data-testid='no-access' data-refusal={need} aria-live='polite'>
      <Text className='no-access__title'>{title}</Text>
      <Text className='no-access__text'>{text}</Text>
      <Tappable className='button button--primary no-access__home' testId='no-access-home' label={back} onTap={() => goHome(home)}>
        <Text>{back}</Text>
      </Tappable>
    </View>
  );
}
