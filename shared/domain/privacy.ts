/**
 * The privacy policy (隐私政策) in plain Chinese, one section per area: what is collected, why,
 * for how long, and who can see it. Kept beside the code it describes; the README's retention
 * table and 用户隐私保护指引 list say the same.
 */
export interface PolicySection {
  title: string;
  what: string;
  why: string;
  howLong: string;
  who: string;
}

export const POLICY_VERSION = '2026-12-04';

export const PRIVACY_POLICY: readonly PolicySection[] = [
  {
    title: '基本信息',
    what: '微信给本小程序的身份编号（OpenID，不是微信号）；您自己选择的所在镇街和村（社区），可以不选或选“不方便说”。不收集姓名、手机号、头像和位置。',
    why: '识别是您本人；把您的学习和建议计入所在镇街，显示当地的议题。',
    howLong: '直到您注销账号。',
    who: '只有本小程序的云函数读取；工作人员看不到您是谁，只看到各镇街的人数。',
  },
  {
    title: '学习和答题',
    what: '读过的课程、每次答题的题目和答案、得分、积分、错题本。',
    why: '显示学习记录、错题本、证书和排行榜。',
    howLong: '直到您注销账号。',
    who: '只有您自己。排行榜只在您选择参加时显示打码的名字和镇街。',
  },
  {
    title: '议事厅',
    what: '您提的建议、是否匿名、对答复的评价；附议只保存一个无法还原的编号。',
    why: '公开讨论，并由工作人员办理和答复。',
    howLong: '建议长期保留作为议事记录；注销后公开的建议只显示为“匿名居民”，与您不再有关联。',
    who: '公开的建议所有人可见（匿名时不显示名字）；所在辖区的工作人员办理。',
  },
  {
    title: '求助（服务登记）',
    what: '事项类别、情况说明、所在地、联系方式和方便联系的时间、年龄段、您同意告知书的版本。情况说明和联系方式加密保存。',
    why: '让所在村（社区）工作室、镇街和区妇联的工作人员联系和帮助您。',
    howLong: '办结后 180 天删除个人信息，只保留类别、地点、日期和结果用于统计；注销账号时立即删除。',
    who: '只有负责的村（社区）工作室、所在镇街和区妇联的工作人员；每次查看都留有记录。',
  },
  {
    title: '消息',
    what: '站内消息（建议的答复、办理进度）；您同意接收时的订阅消息。',
    why: '告诉您进展，用词中性，不写具体内容。',
    howLong: '直到您注销账号。',
    who: '只有您自己。',
  },
  {
    title: '统计',
    what: '各镇街、各村（社区）参加学法、答题、议事、求助的人次和人数。',
    why: '妇联按镇街统计和写年度报告。',
    howLong: '长期保留；其中不含任何能认出个人的信息，注销账号后数字不变。',
    who: '妇联工作人员按各自辖区查看。',
  },
  {
    title: '工作人员账号',
    what: '工作人员的称呼、岗位和所在地；邀请、停用和调整的记录；查看求助记录的记录。',
    why: '按辖区开放工作台，并能追查每一次改动和查看。',
    howLong: '账号停用后保留记录，用于追查。',
    who: '区妇联管理员。',
  },
];

/** Device permissions the app asks for, and when (WeChat's privacy authorization covers them). */
export const DEVICE_USES: readonly string[] = [
  '保存证书图片到相册：只在您点“保存到相册”时使用。',
  '从聊天记录选择文件：只有工作人员导入题库或村（社区）名单时使用。',
  '拨打电话：点 110、12338 等号码时由微信拨出，本小程序不记录。',
];
