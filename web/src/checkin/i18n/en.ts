/** The check-in app's own words (English, the source); it also has the public catalogue's. */
export const checkinEn = {
  checkin: {
    title: 'Check-in',
    soon: 'The check-in app is on its way.',
  },
};

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
export type CheckinWords = Widen<typeof checkinEn>;
