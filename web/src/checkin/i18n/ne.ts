import type { CheckinWords } from './en';

export const checkinNe: CheckinWords = {
  checkin: {
    title: 'चेक-इन',
    soon: 'चेक-इन एप छिट्टै आउँदैछ।',
  },
};
