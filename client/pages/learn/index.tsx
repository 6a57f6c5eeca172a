import { Text, View } from '@tarojs/components';
import { CallView } from '../../components/call-view';
import { Page } from '../../components/page';
import { Tappable } from '../../components/tappable';
import { useLaws, type LawSummary } from '../../hooks/use-laws';
import { lessonsUrl, openPage } from '../../routes';
import './index.scss';

function LawCard({ law }: { law: LawSummary }) {
  return (
    <Tappable
      className='card law-card'
      testId={`law-${law.id}`}
      label={`${law.name}，${law.lessonCount}课，点按开始学习`}
      onTap={() => openPage(lessonsUrl(law.id))}
    >
      <View className='law-card__head'>
        <Text className='law-card__name'>{law.short}</Text>
        <Text className='law-card__count'>{law.lessonCount} 课</Text>
      </View>
      <Text className='law-card__version'>{law.version}</Text>
      <Text className='law-card__intro'>{law.intro}</Text>
      <Text className='law-card__go'>开始学习 ›</Text>
    </Tappable>
  );
}

/** 学法 tab, the first screen: what the app is for, and the laws to learn. */
export default function LearnPage() {
  const laws = useLaws();
  return (
    <Page testId='learn-page'>
      <View className='learn-header'>
        <Text className='learn-header__name'>巾帼法治通</Text>
        <Text className='learn-header__purpose'>学习保护妇女儿童的法律，遇到难事知道怎么办、找谁帮。</Text>
      </View>
      <Text className='section-title'>选一部法律开始学</Text>
      <CallView state={laws} loadingText='正在加载法律列表…' emptyText='暂时还没有可以学习的法律' isEmpty={(data) => data.laws.length === 0}>
        {(data) => (
          <View className='law-list'>
            {data.laws.map((law) => (
              <LawCard key={law.id} law={law} />
            ))}
          </View>
        )}
      </CallView>
    </Page>
  );
}
