import 'reflect-metadata';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { loadEnvOrExit } from '../config/env';
import { DEMO_PASSWORD } from '../config/known-secrets';
import dataSource from '../database/data-source';
import { Event, EventOrganizer, EventQuestion } from '../events/event.entity';
import { HouseholdMember } from '../households/household-member.entity';
import { Program, ProgramOrganizer } from '../programs/program.entity';
import { Role, User } from '../users/user.entity';
import { seedSponsorship } from '../sponsorships/sponsorship-seed';
import { atLocalTime, addHours } from './time';

/**
 * Sample data for the demo (`npm run seed`, run by `npm run demo`). Idempotent: users are matched
 * by email, programs and events by slug, household members by owner and name, so a second run
 * adds nothing. Existing events keep what was changed in them, except that an event whose end
 * has passed is moved back into the future, so the demo always has upcoming events.
 */

interface SeedUser {
  email: string;
  name: string;
  roles: Role[];
  locale: 'en' | 'zh-CN';
  password: string;
}

interface SeedMember {
  name: string;
  birthDate: string;
  relationship: HouseholdMember['relationship'];
}

type SeedEvent = Pick<
  Event,
  | 'slug'
  | 'title'
  | 'summary'
  | 'description'
  | 'kind'
  | 'format'
  | 'venue'
  | 'onlineUrl'
  | 'timezone'
  | 'capacity'
  | 'waitlistEnabled'
  | 'maxPartySize'
  | 'childAgeMin'
  | 'childAgeMax'
  | 'questions'
  | 'status'
> & {
  program: string;
  /** Days from today (in the event's time zone), the local start time and the length in hours. */
  daysAhead: number;
  localStart: string;
  hours: number;
};

function demoUsers(adminEmail: string, adminPassword: string): SeedUser[] {
  return [
    {
      email: 'organizer@kinship.local',
      name: 'Amina Rahman',
      roles: ['family', 'organizer'],
      locale: 'en',
      password: DEMO_PASSWORD,
    },
    { email: 'family@kinship.local', name: 'Mei Chen', roles: ['family'], locale: 'en', password: DEMO_PASSWORD },
    {
      email: 'sponsor@kinship.local',
      name: 'Ruth Okafor',
      roles: ['family', 'sponsor'],
      locale: 'en',
      password: DEMO_PASSWORD,
    },
    { email: adminEmail, name: 'Administrator', roles: ['family', 'admin'], locale: 'en', password: adminPassword },
  ];
}

const HOUSEHOLD: SeedMember[] = [
  { name: 'Mei Chen', birthDate: '1987-04-12', relationship: 'self' },
  { name: 'Daniel Chen', birthDate: '1985-09-03', relationship: 'partner' },
  { name: 'Lily Chen', birthDate: '2014-06-21', relationship: 'child' },
  { name: 'Sam Chen', birthDate: '2019-02-08', relationship: 'child' },
];

const PROGRAMS: Pick<Program, 'slug' | 'name' | 'description' | 'kind'>[] = [
  {
    slug: 'international-day-of-families',
    name: 'International Day of Families',
    description:
      'Celebrations around the International Day of Families (15 May): a day out for whole families, with activities for children of every age.',
    kind: 'events',
  },
  {
    slug: 'she-loves-tech',
    name: 'She Loves Tech',
    description:
      'A startup competition for women-led and women-impacting technology ventures, with regional rounds and a global final.',
    kind: 'events',
  },
  {
    slug: 'empowering-girls-with-science-and-technology',
    name: 'Empowering Girls with Science and Technology',
    description: 'Hands-on science and coding sessions for girls aged 12 to 18, run with local schools and volunteers.',
    kind: 'events',
  },
  {
    slug: 'bonding-for-development',
    name: 'Bonding for Development',
    description:
      "Exchanges between women's groups in different countries: webinars and live online workshops on livelihoods, health and education.",
    kind: 'events',
  },
  {
    slug: 'nepal-girls-education-fund',
    name: "Nepal Girls' Education Fund",
    description:
      'A charity fund whose members sponsor named girls in Nepal through high school: fees, books and uniforms, with progress reports each term.',
    kind: 'sponsorship',
  },
];

const DIETARY: EventQuestion = {
  id: 'dietary',
  label: 'Dietary needs or allergies in your party',
  type: 'text',
  required: false,
  maxLength: 300,
};
const TSHIRT: EventQuestion = {
  id: 'tshirt',
  label: 'T-shirt size',
  type: 'choice',
  required: true,
  options: ['XS', 'S', 'M', 'L', 'XL'],
};

const EVENTS: SeedEvent[] = [
  {
    slug: 'international-day-of-families-celebration',
    program: 'international-day-of-families',
    title: 'International Day of Families Celebration',
    summary: 'A day out for the whole family: games, storytelling, a shared lunch and a family photo booth.',
    description:
      'Join other families for an afternoon of games, storytelling, crafts for young children and a shared lunch. Every member of the family is welcome, babies included. Tell us about dietary needs when you register.',
    kind: 'celebration',
    format: 'in_person',
    venue: 'Chaoyang Park Community Hall, 1 Chaoyang Park South Road, Beijing',
    onlineUrl: null,
    timezone: 'Asia/Shanghai',
    daysAhead: 30,
    localStart: '10:00',
    hours: 6,
    capacity: 120,
    waitlistEnabled: true,
    maxPartySize: 6,
    childAgeMin: 0,
    childAgeMax: 17,
    questions: [
      DIETARY,
      {
        id: 'languages',
        label: 'Languages spoken in your family',
        type: 'multi_choice',
        required: false,
        options: ['English', '中文', 'नेपाली', 'Other'],
      },
    ],
    status: 'published',
  },
  {
    slug: 'she-loves-tech-global-final',
    program: 'she-loves-tech',
    title: 'She Loves Tech Global Final',
    summary: 'The finalists pitch to the jury and the audience, in the hall and online.',
    description:
      'The finalists of the regional rounds pitch their ventures to an international jury. Watch in the hall or follow the live stream; the audience award is voted by everyone attending.',
    kind: 'competition',
    format: 'hybrid',
    venue: 'China World Summit Wing, 1 Jianguomenwai Avenue, Beijing',
    onlineUrl: 'https://meet.kinship.local/she-loves-tech-final',
    timezone: 'Asia/Shanghai',
    daysAhead: 45,
    localStart: '13:30',
    hours: 4.5,
    capacity: 300,
    waitlistEnabled: true,
    maxPartySize: 2,
    childAgeMin: null,
    childAgeMax: null,
    questions: [
      {
        id: 'attendance',
        label: 'How will you attend?',
        type: 'choice',
        required: true,
        options: ['In the hall', 'Online'],
      },
      { id: 'organization', label: 'Organization or startup', type: 'text', required: false, maxLength: 200 },
    ],
    status: 'published',
  },
  {
    slug: 'empowering-girls-science-technology-session-1',
    program: 'empowering-girls-with-science-and-technology',
    title: 'Empowering Girls with Science and Technology: Session 1, Electronics',
    summary: 'Build and program a small circuit; no experience needed.',
    description:
      'A morning of hands-on electronics for girls aged 12 to 18: circuits, sensors and a first program. Materials are provided. A guardian may come along.',
    kind: 'program-session',
    format: 'in_person',
    venue: 'Kathmandu University School of Science, Dhulikhel',
    onlineUrl: null,
    timezone: 'Asia/Kathmandu',
    daysAhead: 14,
    localStart: '09:30',
    hours: 3,
    capacity: 30,
    waitlistEnabled: true,
    maxPartySize: 2,
    childAgeMin: 12,
    childAgeMax: 18,
    questions: [TSHIRT],
    status: 'published',
  },
  {
    slug: 'empowering-girls-science-technology-session-2',
    program: 'empowering-girls-with-science-and-technology',
    title: 'Empowering Girls with Science and Technology: Session 2, Coding',
    summary: 'Write a first web page and a small game.',
    description:
      'A morning of coding for girls aged 12 to 18: a first web page, then a small game to take home. Laptops are provided. A guardian may come along.',
    kind: 'program-session',
    format: 'in_person',
    venue: 'Kathmandu University School of Science, Dhulikhel',
    onlineUrl: null,
    timezone: 'Asia/Kathmandu',
    daysAhead: 21,
    localStart: '09:30',
    hours: 3,
    capacity: 30,
    waitlistEnabled: true,
    maxPartySize: 2,
    childAgeMin: 12,
    childAgeMax: 18,
    questions: [TSHIRT],
    status: 'published',
  },
  {
    slug: 'bonding-for-development-kathmandu-beijing-webinar',
    program: 'bonding-for-development',
    title: "Bonding for Development: Women's Groups of Kathmandu and Beijing",
    summary: "Women's groups from Kathmandu and Beijing share what works in their cooperatives.",
    description:
      "A webinar between women's groups in Kathmandu and Beijing: savings cooperatives, selling crafts online and childcare shared between families. With interpretation between Nepali, Chinese and English.",
    kind: 'webinar',
    format: 'online',
    venue: null,
    onlineUrl: 'https://meet.kinship.local/bonding-for-development',
    timezone: 'Asia/Kathmandu',
    daysAhead: 10,
    localStart: '17:00',
    hours: 1.5,
    capacity: 500,
    waitlistEnabled: false,
    maxPartySize: 1,
    childAgeMin: null,
    childAgeMax: null,
    questions: [],
    status: 'published',
  },
  {
    slug: 'she-loves-tech-pitch-workshop',
    program: 'she-loves-tech',
    title: 'She Loves Tech Pitch Workshop',
    summary: 'A draft: a live online workshop on pitching, for the finalists.',
    description: 'Still being planned: a live online workshop on telling your venture’s story in three minutes.',
    kind: 'workshop',
    format: 'online',
    venue: null,
    onlineUrl: 'https://meet.kinship.local/pitch-workshop',
    timezone: 'Asia/Shanghai',
    daysAhead: 35,
    localStart: '19:00',
    hours: 2,
    capacity: 40,
    waitlistEnabled: true,
    maxPartySize: 1,
    childAgeMin: null,
    childAgeMax: null,
    questions: [],
    status: 'draft',
  },
];

interface Tally {
  created: number;
  updated: number;
  unchanged: number;
}
const tally = (): Tally => ({ created: 0, updated: 0, unchanged: 0 });

async function upsertUser(m: EntityManager, u: SeedUser, t: Tally): Promise<User> {
  const repo = m.getRepository(User);
  const email = u.email.toLowerCase();
  const existing = await repo.findOneBy({ email });
  if (!existing) {
    t.created++;
    return repo.save(
      repo.create({
        email,
        name: u.name,
        roles: u.roles,
        locale: u.locale,
        passwordHash: await hashPassword(u.password),
      }),
    );
  }
  // Keep what the account gained; make sure the demo role and the documented password work.
  const roles = Array.from(new Set<Role>([...existing.roles, ...u.roles]));
  const passwordOk = await verifyPassword(existing.passwordHash, u.password);
  if (roles.length === existing.roles.length && passwordOk) {
    t.unchanged++;
    return existing;
  }
  t.updated++;
  await repo.update(existing.id, {
    roles,
    ...(passwordOk ? {} : { passwordHash: await hashPassword(u.password), tokenVersion: existing.tokenVersion + 1 }),
  });
  return { ...existing, roles };
}

async function ensureMembers(m: EntityManager, owner: User, members: SeedMember[], t: Tally): Promise<void> {
  const repo = m.getRepository(HouseholdMember);
  const existing = await repo.findBy({ ownerId: owner.id });
  for (const member of members) {
    if (existing.some((e) => e.name === member.name)) {
      t.unchanged++;
      continue;
    }
    await repo.insert({ ownerId: owner.id, ...member });
    t.created++;
  }
}

async function upsertProgram(
  m: EntityManager,
  p: (typeof PROGRAMS)[number],
  creator: User,
  t: Tally,
): Promise<Program> {
  const repo = m.getRepository(Program);
  const existing = await repo.findOneBy({ slug: p.slug });
  if (existing) {
    t.unchanged++;
    return existing;
  }
  t.created++;
  return repo.save(repo.create({ ...p, createdBy: creator.id }));
}

async function upsertEvent(
  m: EntityManager,
  e: SeedEvent,
  programId: string,
  creator: User,
  now: Date,
  t: Tally,
): Promise<Event> {
  const repo = m.getRepository(Event);
  const { program: _program, daysAhead, localStart, hours, ...fields } = e;
  const startsAt = atLocalTime(e.timezone, now, daysAhead, localStart);
  const endsAt = addHours(startsAt, hours);
  const window = {
    startsAt,
    endsAt,
    registrationOpensAt: null,
    // Registration closes a day before the start.
    registrationClosesAt: addHours(startsAt, -24),
  };
  const existing = await repo.findOneBy({ slug: e.slug });
  if (!existing) {
    t.created++;
    return repo.save(
      repo.create({
        ...fields,
        ...window,
        programId,
        createdBy: creator.id,
        publishedAt: e.status === 'published' ? now : null,
      }),
    );
  }
  if (existing.endsAt.getTime() <= now.getTime()) {
    // A stale demo event: move it back into the future.
    t.updated++;
    await repo.update(existing.id, window);
    return { ...existing, ...window };
  }
  t.unchanged++;
  return existing;
}

/** Makes the user a co-organizer of the event and of its program; answers how many rows were added. */
async function addCoOrganizer(m: EntityManager, eventId: string, programId: string, userId: string): Promise<number> {
  let added = 0;
  const events = m.getRepository(EventOrganizer);
  if (!(await events.existsBy({ eventId, userId }))) {
    await events.insert({ eventId, userId });
    added++;
  }
  const programs = m.getRepository(ProgramOrganizer);
  if (!(await programs.existsBy({ programId, userId }))) {
    await programs.insert({ programId, userId });
    added++;
  }
  return added;
}

export async function seed(ds: DataSource, admin: { email: string; password: string }): Promise<string> {
  const now = new Date();
  const users = tally();
  const members = tally();
  const programs = tally();
  const events = tally();
  let organizersAdded = 0;
  let sponsorshipRows = 0;

  await ds.transaction(async (m) => {
    const saved: User[] = [];
    for (const u of demoUsers(admin.email, admin.password)) saved.push(await upsertUser(m, u, users));
    const [org, fam, sponsor, adm] = saved;

    await ensureMembers(m, fam, HOUSEHOLD, members);

    const programIds = new Map<string, string>();
    for (const p of PROGRAMS) programIds.set(p.slug, (await upsertProgram(m, p, org, programs)).id);

    for (const e of EVENTS) {
      const event = await upsertEvent(m, e, programIds.get(e.program)!, org, now, events);
      if (e.slug === 'international-day-of-families-celebration') {
        // The admin helps run the celebration: a co-organizer of the event and of its program.
        organizersAdded += await addCoOrganizer(m, event.id, programIds.get(e.program)!, adm.id);
      }
    }
    sponsorshipRows = await seedSponsorship(m, programIds.get('nepal-girls-education-fund')!, org.id, sponsor.id, now);
  });

  const line = (name: string, x: Tally) => `${name} ${x.created} new, ${x.updated} updated, ${x.unchanged} unchanged`;
  return [
    line('users:', users),
    line('household members:', members),
    line('programs:', programs),
    line('events:', events),
    `co-organizers: ${organizersAdded} new`,
    `sponsorship rows: ${sponsorshipRows} new`,
  ].join('; ');
}

async function main(): Promise<void> {
  const env = loadEnvOrExit();
  // Demo accounts have a published password: never in production (an api there refuses it anyway).
  if (env.NODE_ENV === 'production') {
    process.stderr.write('kinship seed: refusing to add demo accounts with a published password in production\n');
    process.exit(1);
  }
  const ds = await dataSource.initialize();
  try {
    if (await ds.showMigrations()) {
      process.stderr.write('kinship seed: the database has pending migrations; run `npm run migrate` first\n');
      process.exitCode = 1;
      return;
    }
    const admin = { email: env.ADMIN_EMAIL ?? 'admin@kinship.local', password: env.ADMIN_PASSWORD ?? DEMO_PASSWORD };
    const summary = await seed(ds, admin);
    const db = new URL(env.DATABASE_URL);
    process.stdout.write(`kinship seed: ${db.host}${db.pathname}: ${summary}\n`);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`kinship seed: failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
