import { Text, View } from '@tarojs/components';
import { ROLE_LABELS, STAFF_ROLES, type Role } from '@shared/roles';
import type { Output } from '@shared/contracts';
import { CallView } from '../../components/call-view';
import { AccountLinks } from '../../components/me/account-links';
import { MeHallLinks } from '../../components/hall/me-links';
import { Page } from '../../components/page';
import { MyPlace } from '../../components/place/my-place';
import { Tappable } from '../../components/tappable';
import { useDevSignIn, type DevSignInState } from '../../hooks/use-dev-signin';
import { useLargeText } from '../../hooks/use-large-text';
import { useProfile } from '../../hooks/use-profile';
import { openPage, ROUTES } from '../../routes';
import './index.scss';

type Profile = Output<'account', 'me'>;

function ProfileCard({ profile, onChanged }: { profile: Profile; onChanged: () => void }) {
  return (
    <View className='card profile' data-testid='profile'>
      <Text className='profile__name'>{profile.name ?? '微信用户'}</Text>
      <View className='profile__row'>
        <Text className='profile__label'>身份</Text>
        <Text className='profile__value' data-testid='profile-role'>
          {ROLE_LABELS[profile.role]}
        </Text>
      </View>
      <MyPlace profile={profile} onChanged={onChanged} />
    </View>
  );
}

const LEARN_LINKS = [
  { id: 'progress', name: '学习记录', hint: '积分、连续学习天数和每次的成绩', url: ROUTES.progress },
  { id: 'mistakes', name: '错题本', hint: '答错的题都在这里，可以再练', url: ROUTES.mistakes },
  { id: 'ranking', name: '排行榜', hint: '各镇街的参与率和个人积分', url: ROUTES.ranking },
] as const;

function LearnLinks() {
  return (
    <View className='card links' data-testid='me-learning'>
      {LEARN_LINKS.map((link) => (
        <Tappable key={link.id} className='link' role='link' testId={`me-link-${link.id}`} label={`${link.name}：${link.hint}`} onTap={() => openPage(link.url)}>
          <View className='link__text'>
            <Text className='link__name'>{link.name}</Text>
            <Text className='link__hint'>{link.hint}</Text>
          </View>
          <Text className='link__go'>›</Text>
        </Tappable>
      ))}
    </View>
  );
}

/** 我的服务记录: neutral words, like the help pages it opens. */
function ServiceRecordsLink() {
  return (
    <View data-testid='me-service'>
      <Text className='section-title'>我的服务</Text>
      <View className='card links'>
        <Tappable className='link' role='link' testId='me-link-service-records' label='我的服务记录：登记过的事项和进展' onTap={() => openPage(ROUTES.helpRecords)}>
          <View className='link__text'>
            <Text className='link__name'>我的服务记录</Text>
            <Text className='link__hint'>登记过的事项和进展</Text>
          </View>
          <Text className='link__go'>›</Text>
        </Tappable>
      </View>
    </View>
  );
}

function isStaff(role: Role): boolean {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

/** 工作台, for staff only; the question bank and campaign tools there are the district's. */
function StaffEntry({ role }: { role: Role }) {
  const district = role === 'district' || role === 'admin';
  const hint = district ? '管理课程、题库、答题活动和纠错' : '查看本辖区的学法情况';
  return (
    <View>
      <Text className='section-title'>工作台</Text>
      <Tappable className='card link' role='link' testId='me-staff' label={`工作台：${hint}`} onTap={() => openPage(ROUTES.staff)}>
        <View className='link__text'>
          <Text className='link__name'>进入工作台</Text>
          <Text className='link__hint'>{hint}</Text>
        </View>
        <Text className='link__go'>›</Text>
      </Tappable>
    </View>
  );
}

function LargeTextSwitch() {
  const { largeText, setLargeText } = useLargeText();
  return (
    <Tappable
      className='card setting'
      role='switch'
      checked={largeText}
      testId='largetext-switch'
      label={`大字模式，${largeText ? '已开启' : '已关闭'}，点按切换`}
      onTap={() => setLargeText(!largeText)}
    >
      <View className='setting__text'>
        <Text className='setting__name'>大字模式</Text>
        <Text className='setting__hint'>开启后全部页面的文字放大，读起来更轻松。</Text>
      </View>
      <View className={`toggle${largeText ? ' toggle--on' : ''}`}>
        <Text className='toggle__text'>{largeText ? '开' : '关'}</Text>
      </View>
    </Tappable>
  );
}

function DevSignIn({ dev }: { dev: DevSignInState }) {
  return (
    <View className='dev' data-testid='dev-signin'>
      <Text className='section-title'>开发登录</Text>
      <Text className='dev__notice'>仅供本机开发和演示使用：选择一位示例人员，以她的身份使用。正式的微信小程序里没有这一项。</Text>
      <Text className='dev__current' data-testid='dev-current'>
        当前身份：{dev.current === null ? '访客（未登录）' : (dev.people.find((p) => p.openid === dev.current)?.name ?? dev.current)}
      </Text>
      {dev.loading && <Text className='muted'>正在加载示例人员…</Text>}
      {dev.error && (
        <View className='state state--error'>
          <Text className='state__text'>{dev.error.message}</Text>
          <Tappable className='button' label='重试' onTap={dev.retry}>
            <Text>重试</Text>
          </Tappable>
        </View>
      )}
      {dev.people.map((person) => {
        const active = person.openid === dev.current;
        return (
          <Tappable
            key={person.openid}
            className={`dev__person${active ? ' dev__person--active' : ''}`}
            testId={`devperson-${person.openid}`}
            label={`以${person.name}的身份登录${active ? '（当前）' : ''}`}
            onTap={() => dev.signIn(person.openid)}
          >
            <Text className='dev__person-name'>{person.name}</Text>
            <Text className='dev__person-role'>{active ? '当前' : ROLE_LABELS[person.role]}</Text>
          </Tappable>
        );
      })}
      {dev.current !== null && (
        <Tappable className='button dev__signout' testId='devsignout' label='退出开发登录，回到访客身份' onTap={dev.signOut}>
          <Text>退出，回到访客身份</Text>
        </Tappable>
      )}
    </View>
  );
}

/** 我的 tab: who I am, my learning, 工作台 for staff, display settings, and (browser only) the development sign-in. */
export default function MePage() {
  const profile = useProfile();
  const dev = useDevSignIn(profile.retry);
  return (
    <Page testId='me-page'>
      <Text className='section-title me__first'>我的信息</Text>
      <CallView state={profile} loadingText='正在加载我的信息…'>
        {(data) => <ProfileCard profile={data} onChanged={profile.retry} />}
      </CallView>
      <Text className='section-title'>我的学习</Text>
      <LearnLinks />
      <Text className='section-title'>消息与建议</Text>
      <MeHallLinks />
      <ServiceRecordsLink />
      {profile.data && isStaff(profile.data.role) && <StaffEntry role={profile.data.role} />}
      <AccountLinks />
      <Text className='section-title'>阅读设置</Text>
      <LargeTextSwitch />
      {dev.available && <DevSignIn dev={dev} />}
    </Page>
  );
}
