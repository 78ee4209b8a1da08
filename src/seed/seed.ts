import 'reflect-metadata';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { loadEnvOrExit } from '../config/env';
import { DEMO_PASSWORD } from '../config/known-secrets';
import dataSource from '../database/data-source';
import { Event, EventOrganizer, EventQuestion } from '../events/event.entity';
import { HouseholdMember } from '../households/household-member.entity';
import { Program, ProgramOrganizer } from '../programs/program.entity';
import { Locale, Role, User } from '../users/user.entity';
import { seedSponsorship } from '../sponsorships/sponsorship-seed';
import { atLocalTime, addHours } from './time';

/**
 * Sample data for the demo (`npm run seed`, run by `npm run demo`). Idempotent: users are matched
 * by email, programs and events by slug, household members by owner and name, so a second run
 * adds nothing. Existing events keep what was changed in them, except that an event whose end
 * has passed is moved back into the future, so the demo always has upcoming events, and an event
 * seeded before events had languages gets its translations (unless its title was changed).
 * The demo events are in English, Chinese and Nepali; one is written in Chinese, one in Nepali.
 */

interface SeedUser {
  email: string;
  name: string;
  roles: Role[];
  locale: Locale;
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
  | 'contentLocale'
  | 'translations'
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
    // Written in Chinese by the Beijing team, translated into English and Nepali.
    contentLocale: 'zh-CN',
    title: '国际家庭日庆祝活动',
    summary: '全家人的欢乐一天：游戏、讲故事、共享午餐，还有家庭照相角。',
    description:
      '欢迎与其他家庭一起度过一个充满游戏、故事、低龄儿童手工和共享午餐的下午。每位家庭成员都欢迎参加，婴儿也不例外。如有饮食需求或过敏情况，请在报名时告诉我们。',
    venue: '北京市朝阳区朝阳公园南路1号，朝阳公园社区活动中心',
    translations: {
      en: {
        title: 'International Day of Families Celebration',
        summary: 'A day out for the whole family: games, storytelling, a shared lunch and a family photo booth.',
        description:
          'Join other families for an afternoon of games, storytelling, crafts for young children and a shared lunch. Every member of the family is welcome, babies included. Tell us about dietary needs when you register.',
        venue: 'Chaoyang Park Community Hall, 1 Chaoyang Park South Road, Beijing',
      },
      ne: {
        title: 'अन्तर्राष्ट्रिय परिवार दिवस समारोह',
        summary: 'सम्पूर्ण परिवारका लागि रमाइलो दिन: खेल, कथावाचन, सँगै दिउँसोको खाना र पारिवारिक फोटो कर्नर।',
        description:
          'अरू परिवारहरूसँग मिलेर खेल, कथावाचन, साना बालबालिकाका लागि हस्तकला र सँगै खाना खाँदै एउटा रमाइलो दिउँसो बिताउनुहोस्। परिवारका सबै सदस्यलाई स्वागत छ, काखे बच्चाहरूलाई पनि। खानासम्बन्धी कुनै आवश्यकता वा एलर्जी भए दर्ता गर्दा हामीलाई जानकारी दिनुहोस्।',
        venue: 'चाओयाङ पार्क सामुदायिक भवन (Chaoyang Park Community Hall), 1 Chaoyang Park South Road, बेइजिङ',
      },
    },
    kind: 'celebration',
    format: 'in_person',
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
    contentLocale: 'en',
    title: 'She Loves Tech Global Final',
    summary: 'The finalists pitch to the jury and the audience, in the hall and online.',
    description:
      'The finalists of the regional rounds pitch their ventures to an international jury. Watch in the hall or follow the live stream; the audience award is voted by everyone attending.',
    translations: {
      'zh-CN': {
        title: 'She Loves Tech 全球总决赛',
        summary: '决赛选手在现场和线上向评委及观众进行路演。',
        description:
          '各地区赛的决赛选手向国际评审团展示她们的创业项目。您可以到场观看，也可以收看直播；观众奖由所有参与者投票选出。',
        venue: '北京市朝阳区建国门外大街1号，国贸大酒店',
      },
      ne: {
        title: 'She Loves Tech विश्वव्यापी फाइनल',
        summary: 'फाइनलमा पुगेका सहभागीहरूले हलमा र अनलाइनमार्फत निर्णायक तथा दर्शकसामु आफ्नो प्रस्तुति दिनेछन्।',
        description:
          'क्षेत्रीय चरणबाट छानिएका फाइनलिस्टहरूले अन्तर्राष्ट्रिय निर्णायक मण्डलसामु आफ्ना उद्यमहरू प्रस्तुत गर्नेछन्। हलमै आएर हेर्न वा प्रत्यक्ष प्रसारणमार्फत हेर्न सकिन्छ; दर्शक पुरस्कार सहभागी सबैको मतबाट छानिनेछ।',
        venue: 'चाइना वर्ल्ड समिट विङ (China World Summit Wing), 1 Jianguomenwai Avenue, बेइजिङ',
      },
    },
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
    // Written in Nepali by the Kathmandu team, translated into English and Chinese.
    contentLocale: 'ne',
    title: 'विज्ञान र प्रविधिमार्फत छात्रा सशक्तीकरण: सत्र १, इलेक्ट्रोनिक्स',
    summary: 'सानो सर्किट बनाउनुहोस् र त्यसलाई प्रोग्राम गर्नुहोस्; पहिलेको अनुभव चाहिँदैन।',
    description:
      '१२ देखि १८ वर्षका छात्राहरूका लागि हातैले गरेर सिक्ने इलेक्ट्रोनिक्सको बिहानी सत्र: सर्किट, सेन्सर र पहिलो प्रोग्राम। आवश्यक सामग्री हामी उपलब्ध गराउँछौं। अभिभावक पनि सँगै आउन सक्नुहुन्छ।',
    venue: 'काठमाडौं विश्वविद्यालय, विज्ञान संकाय, धुलिखेल',
    translations: {
      en: {
        title: 'Empowering Girls with Science and Technology: Session 1, Electronics',
        summary: 'Build and program a small circuit; no experience needed.',
        description:
          'A morning of hands-on electronics for girls aged 12 to 18: circuits, sensors and a first program. Materials are provided. A guardian may come along.',
        venue: 'Kathmandu University School of Science, Dhulikhel',
      },
      'zh-CN': {
        title: '科技赋能女孩计划：第1期 电子',
        summary: '动手搭建一个小电路并为它编程，无需任何基础。',
        description:
          '为12至18岁女孩开设的电子动手实践上午课程：电路、传感器和第一个程序。我们提供所需材料，监护人可以陪同参加。',
        venue: '加德满都大学理学院，杜利克尔',
      },
    },
    kind: 'program-session',
    format: 'in_person',
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
    contentLocale: 'en',
    title: 'Empowering Girls with Science and Technology: Session 2, Coding',
    summary: 'Write a first web page and a small game.',
    description:
      'A morning of coding for girls aged 12 to 18: a first web page, then a small game to take home. Laptops are provided. A guardian may come along.',
    translations: {
      'zh-CN': {
        title: '科技赋能女孩计划：第2期 编程',
        summary: '制作第一个网页和一个小游戏。',
        description:
          '为12至18岁女孩开设的编程上午课程：先做第一个网页，再做一个可以带回家的小游戏。我们提供笔记本电脑，监护人可以陪同参加。',
        venue: '加德满都大学理学院，杜利克尔',
      },
      ne: {
        title: 'विज्ञान र प्रविधिमार्फत छात्रा सशक्तीकरण: सत्र २, कोडिङ',
        summary: 'आफ्नो पहिलो वेब पेज र एउटा सानो खेल बनाउनुहोस्।',
        description:
          '१२ देखि १८ वर्षका छात्राहरूका लागि कोडिङको बिहानी सत्र: पहिले आफ्नो पहिलो वेब पेज, त्यसपछि घर लैजान मिल्ने एउटा सानो खेल। ल्यापटप हामी उपलब्ध गराउँछौं। अभिभावक पनि सँगै आउन सक्नुहुन्छ।',
        venue: 'काठमाडौं विश्वविद्यालय, विज्ञान संकाय, धुलिखेल',
      },
    },
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
    contentLocale: 'en',
    title: "Bonding for Development: Women's Groups of Kathmandu and Beijing",
    summary: "Women's groups from Kathmandu and Beijing share what works in their cooperatives.",
    description:
      "A webinar between women's groups in Kathmandu and Beijing: savings cooperatives, selling crafts online and childcare shared between families. With interpretation between Nepali, Chinese and English.",
    translations: {
      'zh-CN': {
        title: '携手发展：加德满都与北京的妇女团体',
        summary: '来自加德满都和北京的妇女团体分享她们在合作社中行之有效的经验。',
        description:
          '加德满都与北京妇女团体之间的网络研讨会：储蓄合作社、在网上销售手工艺品，以及家庭之间互助照看孩子。现场提供尼泊尔语、中文和英语之间的口译。',
      },
      ne: {
        title: 'विकासका लागि आत्मीय सम्बन्ध: काठमाडौं र बेइजिङका महिला समूहहरू',
        summary: 'काठमाडौं र बेइजिङका महिला समूहहरूले आफ्ना सहकारीमा सफल भएका अनुभव आदानप्रदान गर्नेछन्।',
        description:
          'काठमाडौं र बेइजिङका महिला समूहहरूबीच अनलाइन छलफल (वेबिनार): बचत सहकारी, हस्तकलाका सामान अनलाइन बिक्री, र परिवारहरूबीच मिलेर गरिने बालबालिकाको हेरचाह। नेपाली, चिनियाँ र अङ्ग्रेजी भाषाबीच दोभाषे सुविधा उपलब्ध हुनेछ।',
      },
    },
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
    contentLocale: 'en',
    title: 'She Loves Tech Pitch Workshop',
    summary: 'A draft: a live online workshop on pitching, for the finalists.',
    description: 'Still being planned: a live online workshop on telling your venture’s story in three minutes.',
    translations: {
      'zh-CN': {
        title: 'She Loves Tech 路演工作坊',
        summary: '草稿：面向决赛选手的线上路演直播工作坊。',
        description: '仍在筹备中：一场线上直播工作坊，教您如何在三分钟内讲好创业故事。',
      },
      ne: {
        title: 'She Loves Tech प्रस्तुति कार्यशाला',
        summary: 'मस्यौदा: फाइनलिस्टहरूका लागि प्रभावकारी प्रस्तुतिबारे प्रत्यक्ष अनलाइन कार्यशाला।',
        description: 'अझै तयारी हुँदै: आफ्नो उद्यमको कथा तीन मिनेटमा प्रभावकारी रूपमा सुनाउने विषयमा प्रत्यक्ष अनलाइन कार्यशाला।',
      },
    },
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
  const changes: Partial<Event> = {};
  if (existing.endsAt.getTime() <= now.getTime()) {
    // A stale demo event: move it back into the future.
    Object.assign(changes, window);
  }
  if (!Object.keys(existing.translations).length && untouchedInEnglish(existing, e)) {
    // Seeded before events had languages, its words untouched since: give it its languages.
    const { title, summary, description, venue, contentLocale, translations } = fields;
    Object.assign(changes, { title, summary, description, venue, contentLocale, translations });
  }
  if (!Object.keys(changes).length) {
    t.unchanged++;
    return existing;
  }
  t.updated++;
  await repo.update(existing.id, changes);
  return { ...existing, ...changes };
}

/** Whether the stored event still has the English words it was first seeded with. */
function untouchedInEnglish(existing: Event, e: SeedEvent): boolean {
  const en = e.contentLocale === 'en' ? e : e.translations.en;
  return (
    !!en &&
    existing.title === en.title &&
    existing.summary === en.summary &&
    existing.description === en.description &&
    existing.venue === (en.venue ?? null)
  );
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
