import type { CheckinWords } from './en';

export const checkinZhCN: CheckinWords = {
  checkin: {
    title: '签到',
    soon: '签到应用即将推出。',
  },
};
