import type { ConsoleWords } from './en';

export const consoleZhCN: ConsoleWords = {
  console: {
    title: '主办方后台',
    soon: '后台页面即将推出。在此之前，主办方可以通过 /docs 上的 API 管理活动。',
    organizersOnly: '这部分仅供主办方使用。如需权限，请联系管理员。',
  },
};
