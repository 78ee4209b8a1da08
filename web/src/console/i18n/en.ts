/** The console's own words (English, the source); the console also has the public catalogue's. */
export const consoleEn = {
  console: {
    title: 'Organizers’ console',
    soon: 'The console’s pages are on their way. Until then, organizers manage events through the API at /docs.',
    organizersOnly: 'This part of Kinship is for organizers. Ask an administrator if you need access.',
  },
};

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
export type ConsoleWords = Widen<typeof consoleEn>;
