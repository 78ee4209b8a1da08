import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { formatMoney, MAIL_LOCALES, type MailLocale } from './format';
import { mailUrl } from './links';
import { FIXTURE_EVENT, FIXTURES, MESSAGE_BODY, PUBLIC_URL } from './mail-fixtures';
import { MAIL_KINDS, OPTIONAL_MAIL_KINDS, type MailData, type MailKind, type RenderedMail } from './mail-kinds';
import { loadTemplates, renderMail, splitSections, TEMPLATES_DIR } from './render';

const OPTIONS = { publicUrl: PUBLIC_URL };

function render<K extends MailKind>(kind: K, locale: MailLocale, data: MailData[K] = FIXTURES[kind]) {
  return renderMail(kind, locale, data, OPTIONS);
}

const ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  '#x27': "'",
  '#x3D': '=',
  '#x60': '`',
};

/** What a reader sees of the HTML: no tags, entities decoded, spaces collapsed. */
function visible(html: string): string {
  const body = html.slice(html.indexOf('<body'));
  return normalize(
    body
      .replace(/<\/?(strong|span|a|b|em)\b[^>]*>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&(lt|gt|amp|quot|#x27|#x3D|#x60);/g, (_, name: string) => ENTITIES[name]),
  );
}

function normalize(text: string): string {
  return text
    .replace(/[\u2009\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every string in the fixture data (names, titles, URLs, codes), longest first. */
function fixtureStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => fixtureStrings(item, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => fixtureStrings(item, out));
  return out.sort((a, b) => b.length - a.length);
}

/** The home page link in the footer, in the mail's language. */
const home = (locale: MailLocale) => mailUrl(PUBLIC_URL, '/', locale);

function withoutData(kind: MailKind, locale: MailLocale, text: string): string {
  const data = FIXTURES[kind] as unknown as Record<string, unknown>;
  const money = [data.due, ...((data.totals as unknown[]) ?? [])]
    .filter(Boolean)
    .map((m) => normalize(formatMoney(locale, m as never)));
  let rest = text;
  for (const value of [...fixtureStrings(data).map(normalize), ...money, home(locale), PUBLIC_URL])
    rest = rest.split(value).join(' ');
  return rest;
}

interface Expectation {
  subject: string;
  /** Shown in both the HTML and the text part. */
  says: string[];
}

const TITLE = FIXTURE_EVENT.title;
const EN_SPAN = 'Saturday, 15 May 2027, 10:00–16:00 (Asia/Shanghai)';
const ZH_SPAN = '2027年5月15日星期六 10:00–16:00（Asia/Shanghai）';
const NE_SPAN = '२०२७ मे १५, शनिबार, १०:००–१६:०० (Asia/Shanghai)';
const CODE = FIXTURES['registration.confirmed'].code;

const EXPECT: {
  [K in MailKind]: { links: (data: MailData[K]) => string[] } & Record<Exclude<MailLocale, 'ne'>, Expectation>;
} = {
  'account.welcome': {
    links: (d) => [d.eventsUrl],
    en: { subject: "Welcome to Kinship, Siobhán O'Brien", says: ['Your Kinship account is ready', 'Browse events'] },
    'zh-CN': { subject: "欢迎加入 Kinship，Siobhán O'Brien", says: ['您的 Kinship 账户已创建成功', '浏览活动'] },
  },
  'account.password_reset': {
    links: (d) => [d.resetUrl],
    en: {
      subject: 'Reset your Kinship password',
      says: ['Hello 李华', 'valid until 1 May 2027 at 09:30 (UTC) and can be used only once'],
    },
    'zh-CN': {
      subject: '重置您的 Kinship 密码',
      says: ['李华，您好', '2027年5月1日 09:30（UTC）之前有效，且只能使用一次'],
    },
  },
  'registration.confirmed': {
    links: (d) => [d.manageUrl, d.event.url, d.event.onlineUrl!],
    en: {
      subject: `You're registered: ${TITLE}`,
      says: [
        `Your registration for ${TITLE} is confirmed`,
        `When: ${EN_SPAN}`,
        'Where: 世纪公园 3号门, Pudong, or online',
        'Who is coming (3 people)',
        "Siobhán O'Brien (adult)",
        '<script>alert("x")</script> (child)',
        CODE,
        'invite.ics',
      ],
    },
    'zh-CN': {
      subject: `报名成功：${TITLE}`,
      says: [
        `您已成功报名“${TITLE}”`,
        `时间：${ZH_SPAN}`,
        '地点：世纪公园 3号门, Pudong；也可线上参加',
        '参加人员（3 人）',
        '王小明（成人）',
        '<script>alert("x")</script>（儿童）',
        CODE,
        '签到码',
      ],
    },
  },
  'registration.waitlisted': {
    links: (d) => [d.manageUrl, d.event.url],
    en: { subject: `You're on the waitlist: ${TITLE}`, says: ['Your position on the waitlist: 4', EN_SPAN] },
    'zh-CN': { subject: `已进入候补名单：${TITLE}`, says: ['您的候补排位：第 4 位', ZH_SPAN] },
  },
  'registration.promoted': {
    links: (d) => [d.manageUrl, d.event.url],
    en: {
      subject: `Good news: your place at ${TITLE} is confirmed`,
      says: ['moved off the waitlist', 'is now confirmed', CODE, EN_SPAN],
    },
    'zh-CN': {
      subject: `好消息：您已获得“${TITLE}”的参加名额`,
      says: ['您已从候补名单转为正式参加者', '报名现已确认', CODE, ZH_SPAN],
    },
  },
  'registration.changed': {
    links: (d) => [d.manageUrl, d.event.url],
    en: {
      subject: `Your registration has been updated: ${TITLE}`,
      says: ['Status: on the waitlist, position 2', 'Who is coming (2 people)'],
    },
    'zh-CN': { subject: `报名信息已更新：${TITLE}`, says: ['状态：候补中，排第 2 位', '参加人员（2 人）'] },
  },
  'registration.cancelled': {
    links: (d) => [d.manageUrl, d.event.url],
    en: {
      subject: `Your registration has been cancelled: ${TITLE}`,
      says: ['has been cancelled and your seats have been released', 'register again'],
    },
    'zh-CN': { subject: `报名已取消：${TITLE}`, says: ['的报名已取消，所占名额已释放', '重新报名'] },
  },
  'registration.manage_link': {
    links: (d) => [d.manageUrl, d.event.url],
    en: {
      subject: `Your link to manage your registration: ${TITLE}`,
      says: ['see, change or cancel your registration', 'keep this link to yourself'],
    },
    'zh-CN': { subject: `您的报名管理链接：${TITLE}`, says: ['查看、修改或取消', '请妥善保管此链接'] },
  },
  'registration.reminder': {
    links: (d) => [d.manageUrl, d.event.url],
    en: { subject: `Reminder: ${TITLE} is coming up`, says: ['is coming up soon', 'for 3 people', CODE, EN_SPAN] },
    'zh-CN': { subject: `活动提醒：“${TITLE}”即将举行`, says: ['即将举行', '报名人数为 3 人', CODE, ZH_SPAN] },
  },
  'event.changed': {
    links: (d) => [d.manageUrl, d.event.url],
    en: {
      subject: `Updated details: ${TITLE}`,
      says: [
        'Start: Saturday, 15 May 2027 at 10:00 (Asia/Shanghai) → Saturday, 22 May 2027 at 10:00 (Asia/Shanghai)',
        'End: Saturday, 15 May 2027 at 16:00 (Asia/Shanghai) → Saturday, 22 May 2027 at 16:00 (Asia/Shanghai)',
        "Venue: St Mary's Hall → 世纪公园 3号门, Pudong",
        'When: Saturday, 22 May 2027, 10:00–16:00 (Asia/Shanghai)',
      ],
    },
    'zh-CN': {
      subject: `活动信息变更：${TITLE}`,
      says: [
        '开始时间：2027年5月15日星期六 10:00（Asia/Shanghai） → 2027年5月22日星期六 10:00（Asia/Shanghai）',
        '结束时间：2027年5月15日星期六 16:00（Asia/Shanghai） → 2027年5月22日星期六 16:00（Asia/Shanghai）',
        "地点：St Mary's Hall → 世纪公园 3号门, Pudong",
        '时间：2027年5月22日星期六 10:00–16:00（Asia/Shanghai）',
      ],
    },
  },
  'event.cancelled': {
    links: (d) => [d.manageUrl, d.event.url],
    en: { subject: `Cancelled: ${TITLE}`, says: [`${TITLE}, planned for ${EN_SPAN}, has been cancelled`] },
    'zh-CN': { subject: `活动取消通知：${TITLE}`, says: [`原定于 ${ZH_SPAN} 举行的“${TITLE}”已取消`] },
  },
  'event.message': {
    links: (d) => [d.manageUrl, d.event.url],
    en: {
      subject: `[${TITLE}] Parking & what to bring`,
      says: [`Zhang Wei 张伟, organizer of ${TITLE}`, 'Parking is at gate 3 <b>only</b>.', 'Bring water & sun hats!'],
    },
    'zh-CN': {
      subject: `【${TITLE}】组织者消息：Parking & what to bring`,
      says: [`“${TITLE}”的组织者 Zhang Wei 张伟 向所有报名者发送了以下消息`, 'Bring water & sun hats!'],
    },
  },
  'sponsorship.payment_due': {
    links: (d) => [d.sponsorshipUrl],
    en: {
      subject: 'Sponsorship payment due for Mei',
      says: ['Dear Margaret Thompson', "supporting Mei's education", 'US$125.50', 'Tuesday, 1 June 2027'],
    },
    'zh-CN': { subject: '资助款到期提醒：Mei', says: ['尊敬的Margaret Thompson', 'US$125.50', '2027年6月1日星期二'] },
  },
  'sponsorship.report_published': {
    links: (d) => [d.reportUrl],
    en: { subject: 'New progress report for Mei (2026–2027 Term 1)', says: ['A new progress report for Mei'] },
    'zh-CN': { subject: 'Mei的学习进展报告已发布（2026–2027 Term 1）', says: ['Mei的新一期学习进展报告已经发布'] },
  },
  'sponsorship.annual_statement': {
    links: (d) => [d.statementUrl],
    en: {
      subject: 'Your 2026 sponsorship statement for Mei',
      says: ['Your payments in 2026', 'US$1,506.00', 'JP¥30,000'],
    },
    'zh-CN': { subject: '2026年度资助对账单：Mei', says: ['2026年您的付款总额', 'US$1,506.00', 'JP¥30,000'] },
  },
};

const NE_TITLE = `“${TITLE}” कार्यक्रम`;
const NE: { [K in MailKind]: Expectation } = {
  'account.welcome': {
    subject: "Kinship मा स्वागत छ, Siobhán O'Brien जी",
    says: ["नमस्ते Siobhán O'Brien जी", 'तपाईंको Kinship खाता तयार भएको छ', 'कार्यक्रमहरू हेर्नुहोस्'],
  },
  'account.password_reset': {
    subject: 'आफ्नो Kinship पासवर्ड फेर्नुहोस्',
    says: ['नमस्ते 李华 जी', 'यो लिङ्क २०२७ मे १: ०९:३० (UTC) सम्म मात्र चल्छ, र एक पटक मात्र प्रयोग गर्न सकिन्छ'],
  },
  'registration.confirmed': {
    subject: `दर्ता पक्का भयो: ${TITLE}`,
    says: [
      `${NE_TITLE}का लागि तपाईंको दर्ता पक्का भएको छ`,
      `समय: ${NE_SPAN}`,
      'स्थान: 世纪公园 3号门, Pudong; अनलाइनबाट पनि सहभागी हुन सकिन्छ',
      'आउने व्यक्तिहरू (३ जना)',
      "Siobhán O'Brien (वयस्क)",
      '<script>alert("x")</script> (बच्चा)',
      'प्रवेश कोड',
      CODE,
      'invite.ics',
    ],
  },
  'registration.waitlisted': {
    subject: `प्रतीक्षा सूचीमा राखियो: ${TITLE}`,
    says: ['प्रतीक्षा सूचीमा तपाईंको क्रम: ४', NE_SPAN],
  },
  'registration.promoted': {
    subject: `खुसीको खबर: “${TITLE}” मा तपाईंको ठाउँ पक्का भयो`,
    says: ['प्रतीक्षा सूचीबाट अघि बढ्नुभएको छ', 'दर्ता अब पक्का भएको छ', CODE, NE_SPAN],
  },
  'registration.changed': {
    subject: `दर्तामा परिवर्तन गरियो: ${TITLE}`,
    says: ['अवस्था: प्रतीक्षा सूचीमा, क्रम २', 'आउने व्यक्तिहरू (२ जना)'],
  },
  'registration.cancelled': {
    subject: `दर्ता रद्द भयो: ${TITLE}`,
    says: [`${NE_TITLE}का लागि तपाईंको दर्ता रद्द गरिएको छ`, 'फेरि दर्ता गर्न सक्नुहुन्छ'],
  },
  'registration.manage_link': {
    subject: `आफ्नो दर्ता हेर्ने लिङ्क: ${TITLE}`,
    says: ['हेर्न, परिवर्तन गर्न वा रद्द गर्न', 'कृपया यो लिङ्क अरू कसैलाई नदिनुहोस्'],
  },
  'registration.reminder': {
    subject: `सम्झना: ${NE_TITLE} नजिकिँदै छ`,
    says: ['छिट्टै हुँदै छ', 'तपाईंको दर्ता ३ जनाका लागि हो', CODE, NE_SPAN],
  },
  'event.changed': {
    subject: `कार्यक्रमको विवरण बदलियो: ${TITLE}`,
    says: [
      'सुरु हुने समय: २०२७ मे १५, शनिबार: १०:०० (Asia/Shanghai) → २०२७ मे २२, शनिबार: १०:०० (Asia/Shanghai)',
      'सकिने समय: २०२७ मे १५, शनिबार: १६:०० (Asia/Shanghai) → २०२७ मे २२, शनिबार: १६:०० (Asia/Shanghai)',
      "स्थान: St Mary's Hall → 世纪公园 3号门, Pudong",
      'समय: २०२७ मे २२, शनिबार, १०:००–१६:०० (Asia/Shanghai)',
    ],
  },
  'event.cancelled': {
    subject: `कार्यक्रम रद्द: ${TITLE}`,
    says: [`${NE_SPAN} मा हुने भनिएको ${NE_TITLE} रद्द गरिएको छ`],
  },
  'event.message': {
    subject: `[${TITLE}] आयोजकको सन्देश: Parking & what to bring`,
    says: [`${NE_TITLE}का आयोजक Zhang Wei 张伟 ले दर्ता गर्ने सबैलाई यो सन्देश पठाउनुभएको छ`, 'Bring water & sun hats!'],
  },
  'sponsorship.payment_due': {
    subject: 'Mei को प्रायोजन रकम तिर्ने मिति आयो',
    says: ['आदरणीय Margaret Thompson जी', 'US$ १२५.५०', '२०२७ जुन १, मङ्गलबार'],
  },
  'sponsorship.report_published': {
    subject: 'Mei को नयाँ प्रगति पत्र (2026–2027 Term 1)',
    says: ['Mei को नयाँ प्रगति पत्र तयार भएको छ, अवधि: 2026–2027 Term 1'],
  },
  'sponsorship.annual_statement': {
    subject: 'Mei को प्रायोजनको सन् २०२६ को वार्षिक विवरण',
    says: ['सन् २०२६ मा तपाईंले गर्नुभएको भुक्तानी', 'US$ १,५०६.००', 'JP¥ ३०,०००'],
  },
};

function expectation(kind: MailKind, locale: MailLocale): Expectation {
  return locale === 'ne' ? NE[kind] : EXPECT[kind][locale];
}

/** Why the mail was sent, as each locale's footer begins (or ends) it. */
const WHY: Record<MailLocale, string> = {
  en: 'You received this email because',
  'zh-CN': '您收到此邮件，是因为',
  ne: 'यो इमेल पाउनुभएको हो',
};

const CASES = MAIL_KINDS.flatMap((kind) => MAIL_LOCALES.map((locale) => [kind, locale] as const));
const CJK = /[\u4e00-\u9fff]/;
const DEVANAGARI = /[\u0900-\u097f]/;

describe('renderMail', () => {
  const rendered = new Map<string, RenderedMail>();
  beforeAll(async () => {
    for (const [kind, locale] of CASES) rendered.set(`${kind} ${locale}`, await render(kind, locale));
  }, 30_000);
  const mail = (kind: MailKind, locale: MailLocale) => rendered.get(`${kind} ${locale}`)!;

  describe.each(CASES)('%s in %s', (kind, locale) => {
    const expected = expectation(kind, locale);

    it('should have the subject in the right language', () => {
      const { subject } = mail(kind, locale);
      expect(subject).toBe(expected.subject);
      if (locale !== 'en') {
        expect(subject).toMatch(locale === 'ne' ? DEVANAGARI : CJK);
        expect(subject).not.toBe(mail(kind, 'en').subject);
      }
    });

    it('should say the key things in the HTML and in the text', () => {
      const { html, text } = mail(kind, locale);
      for (const phrase of expected.says) {
        expect(visible(html)).toContain(normalize(phrase));
        expect(normalize(text)).toContain(normalize(phrase));
      }
    });

    it('should show every link it needs, as links in the HTML and in the text', () => {
      const { html, text } = mail(kind, locale);
      const links = (EXPECT[kind].links as (d: unknown) => string[])(FIXTURES[kind]);
      for (const url of [...links, home(locale)]) {
        const escaped = url.replace(/&/g, '&amp;').replace(/=/g, '&#x3D;');
        expect(html).toContain(`href="${escaped}"`);
        expect(text).toContain(url);
      }
    });

    it('should escape data in the HTML and print it as is in the text', () => {
      const { html, text } = mail(kind, locale);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toContain('<Park>');
      expect(text).not.toMatch(/&(amp|lt|gt|quot|#x27|#x3D);/);
      if (kind.startsWith('registration.') || kind.startsWith('event.')) {
        expect(html).toContain('Families&#x27; Day, &lt;Park&gt; &amp; Picnic');
        expect(text).toContain(TITLE);
      }
    });

    it('should use the shared layout, with Kinship and why the mail was sent', () => {
      const { html, text } = mail(kind, locale);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).toContain(
        `<title>${expected.subject.replace(/&/g, '&amp;').replace(/'/g, '&#x27;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</title>`,
      );
      expect(text.startsWith('Kinship\n')).toBe(true);
      expect(visible(html)).toContain(WHY[locale]);
      expect(text).toContain(WHY[locale]);
      for (const part of [html, text]) expect(part).not.toMatch(/undefined|\[object Object\]|\{\{|Invalid Date|NaN/);
    });

    it('should be written in its own language only (apart from names, links and codes)', () => {
      const { html, text } = mail(kind, locale);
      for (const part of [normalize(text), visible(html)]) {
        const rest = withoutData(kind, locale, part);
        if (locale === 'en') {
          expect(rest).not.toMatch(CJK);
          expect(rest).not.toMatch(DEVANAGARI);
          continue;
        }
        const leftovers = rest.replace(/Kinship|invite\.ics|CSV|UTC|Asia\/Shanghai/g, ' ').match(/[A-Za-z]{2,}/g);
        expect(leftovers).toBeNull();
        if (locale === 'ne') {
          expect(rest).not.toMatch(CJK);
          // Dates, times, counts and amounts in Devanagari digits; codes and links were data.
          expect(rest).not.toMatch(/[0-9]/);
        } else {
          expect(rest).not.toMatch(DEVANAGARI);
        }
      }
    });
  });

  // The text part is whitespace-sensitive: a reformatted template would break its lines, so compare whole.
  it('should lay out the text part line by line', () => {
    expect(mail('registration.confirmed', 'en').text).toBe(
      [
        'Kinship',
        '',
        'Hello 王小明,',
        '',
        `Your registration for ${TITLE} is confirmed. We look forward to seeing you!`,
        '',
        TITLE,
        `When: ${EN_SPAN}`,
        `Where: 世纪公园 3号门, Pudong, or online: ${FIXTURE_EVENT.onlineUrl}`,
        `Event page: ${FIXTURE_EVENT.url}`,
        '',
        'Who is coming (3 people):',
        '- 王小明 (adult)',
        "- Siobhán O'Brien (adult)",
        '- <script>alert("x")</script> (child)',
        '',
        `Check-in code: ${CODE}`,
        'Show this code (the QR code is in the HTML version of this email) at the entrance to check in.',
        '',
        'The attached calendar invitation (invite.ics) adds the event to your calendar.',
        '',
        `Manage your registration: ${FIXTURES['registration.confirmed'].manageUrl}`,
        'Plans changed? Use this link to change who is coming or to cancel, so that your seats can go to someone on the waitlist.',
        '',
        '--',
        `You received this email because you registered for ${TITLE} on Kinship.`,
        `Sent by Kinship · ${PUBLIC_URL}/?lang=en`,
        '',
      ].join('\n'),
    );
    expect(mail('registration.waitlisted', 'zh-CN').text).toBe(
      [
        'Kinship',
        '',
        '王小明，您好：',
        '',
        `“${TITLE}”目前名额已满，您的报名已进入候补名单。`,
        '',
        '您的候补排位：第 4 位',
        '',
        '有名额空出时，我们会按报名先后顺序确认候补名单上的报名，前提是空出的名额足够您全家一同参加。您的名额一经确认，我们会立即发邮件通知您。',
        '',
        TITLE,
        `时间：${ZH_SPAN}`,
        `地点：世纪公园 3号门, Pudong；也可线上参加：${FIXTURE_EVENT.onlineUrl}`,
        `活动页面：${FIXTURE_EVENT.url}`,
        '',
        '参加人员（3 人）：',
        '- 王小明（成人）',
        "- Siobhán O'Brien（成人）",
        '- <script>alert("x")</script>（儿童）',
        '',
        `管理报名：${FIXTURES['registration.waitlisted'].manageUrl}`,
        '如果您不再打算参加，请取消报名，以便其他人依次递补。',
        '',
        '--',
        `您收到此邮件，是因为您在 Kinship 上报名了“${TITLE}”。`,
        `本邮件由 Kinship 发送 · ${PUBLIC_URL}/?lang=zh-CN`,
        '',
      ].join('\n'),
    );
    expect(mail('registration.reminder', 'ne').text).toBe(
      [
        'Kinship',
        '',
        'नमस्ते 王小明 जी,',
        '',
        `“${TITLE}” कार्यक्रम छिट्टै हुँदै छ भनी सम्झाउन चाहन्छौं। तपाईंको दर्ता ३ जनाका लागि हो।`,
        '',
        TITLE,
        `समय: ${NE_SPAN}`,
        `स्थान: 世纪公园 3号门, Pudong; अनलाइनबाट पनि सहभागी हुन सकिन्छ: ${FIXTURE_EVENT.onlineUrl}`,
        `कार्यक्रमको पृष्ठ: ${FIXTURE_EVENT.url}`,
        '',
        `प्रवेश कोड: ${CODE}`,
        'प्रवेशद्वारमा यो कोड देखाउनुहोस्, अनि तपाईंको उपस्थिति दर्ता हुनेछ (क्यूआर कोड यस इमेलको चित्रसहितको संस्करणमा छ)।',
        '',
        `दर्ता हेर्न, परिवर्तन गर्न वा रद्द गर्न: ${FIXTURES['registration.reminder'].manageUrl}`,
        'अब आउन नमिल्ने भए कृपया दर्ता रद्द गर्नुहोस्, ताकि तपाईंको ठाउँ अरूले पाउन सकून्।',
        '',
        `यस कार्यक्रमका आयोजकका सन्देश र सम्झनाहरू पाउन चाहनुहुन्न? बन्द गर्न: ${FIXTURES['registration.reminder'].unsubscribeUrl}`,
        'दर्ताको पुष्टि र दर्तामा भएका परिवर्तनका सूचना भने तपाईंलाई आइरहनेछन्।',
        '',
        '--',
        `तपाईंले Kinship मा “${TITLE}” कार्यक्रमका लागि दर्ता गर्नुभएकाले यो इमेल पाउनुभएको हो।`,
        `Kinship द्वारा पठाइएको · ${PUBLIC_URL}/?lang=ne`,
        '',
      ].join('\n'),
    );
  });

  it('should offer the unsubscribe link in optional mail only, in every language', () => {
    for (const locale of MAIL_LOCALES) {
      for (const kind of MAIL_KINDS) {
        const { html, text } = mail(kind, locale);
        const url = (FIXTURES[kind] as { unsubscribeUrl?: string }).unsubscribeUrl;
        if (OPTIONAL_MAIL_KINDS.has(kind)) {
          expect(text).toContain(url);
          expect(html).toContain('href="https://kinship.example.org/unsubscribe/');
        } else {
          expect(text).not.toContain('/unsubscribe/');
          expect(html).not.toContain('/unsubscribe/');
        }
      }
    }
  });

  it('should link the footer to the home page in the mail’s language', () => {
    for (const locale of MAIL_LOCALES) {
      const { html, text } = mail('account.welcome', locale);
      expect(html).toContain(`href="${PUBLIC_URL}/?lang&#x3D;${locale}"`);
      expect(text).toContain(`${PUBLIC_URL}/?lang=${locale}`);
    }
  });

  it('should attach invite.ics and the QR code to confirmed and promoted mails, the QR alone to reminders', () => {
    for (const [kind, locale] of CASES) {
      const names = mail(kind, locale).attachments.map((a) => a.filename);
      if (kind === 'registration.confirmed' || kind === 'registration.promoted') {
        expect(names).toEqual(['invite.ics', 'check-in-code.png']);
      } else if (kind === 'registration.reminder') {
        expect(names).toEqual(['check-in-code.png']);
      } else {
        expect(names).toEqual([]);
      }
    }
  });

  it('should keep the line breaks of the organizer’s message, escaped, in the HTML', () => {
    const { html, text } = mail('event.message', 'en');
    expect(html).toContain('Dear families,<br>\nParking is at gate 3 &lt;b&gt;only&lt;/b&gt;.<br>\n<br>\nBring water');
    expect(text).toContain(MESSAGE_BODY);
  });

  it('should show the check-in code of a confirmed registration that changed', async () => {
    const data = { ...FIXTURES['registration.changed'], status: 'confirmed' as const, position: null };
    for (const locale of MAIL_LOCALES) {
      const { html, text } = await render('registration.changed', locale, data);
      const says: Record<MailLocale, string> = {
        en: `Status: confirmed Check-in code: ${CODE}`,
        'zh-CN': `状态：已确认 签到码：${CODE}`,
        ne: `अवस्था: पक्का प्रवेश कोड: ${CODE}`,
      };
      expect(normalize(text)).toContain(says[locale]);
      expect(visible(html)).toContain(CODE);
    }
    // A waitlisted code cannot be checked in, so the waitlisted version does not show it.
    expect(mail('registration.changed', 'en').text).not.toContain(CODE);
  });

  it('should not show a new online link to a reader who may not see it', async () => {
    const data: MailData['event.changed'] = {
      ...FIXTURES['event.changed'],
      event: { ...FIXTURE_EVENT, onlineUrl: null },
      changes: [
        { field: 'onlineUrl', from: 'https://meet.example.org/old', to: 'https://meet.example.org/new-secret' },
      ],
    };
    const en = await render('event.changed', 'en', data);
    expect(en.text).not.toContain('new-secret');
    expect(en.html).not.toContain('new-secret');
    expect(en.text).toContain('Online link: updated (you will receive the link once your place is confirmed)');
    const zh = await render('event.changed', 'zh-CN', data);
    expect(zh.text).toContain('线上参会链接：已更新');
    const ne = await render('event.changed', 'ne', data);
    expect(ne.text).toContain('अनलाइन लिङ्क: बदलिएको छ (तपाईंको ठाउँ पक्का भएपछि लिङ्क पठाइनेछ)');
    expect(ne.text).not.toContain('new-secret');
    // An event that went in person drops its link: confirmed readers see it removed, not "updated".
    const removed = await render('event.changed', 'en', {
      ...data,
      changes: [{ field: 'onlineUrl', from: 'https://meet.example.org/old', to: null }],
    });
    expect(removed.text).toContain('Online link: https://meet.example.org/old → none');
  });

  it('should read old times in the old zone when the zone changed', async () => {
    const data: MailData['event.changed'] = {
      ...FIXTURES['event.changed'],
      event: { ...FIXTURE_EVENT, timezone: 'Asia/Tokyo' },
      changes: [
        { field: 'timezone', from: 'Asia/Shanghai', to: 'Asia/Tokyo' },
        { field: 'startsAt', from: '2027-05-15T02:00:00.000Z', to: '2027-05-15T01:00:00.000Z' },
      ],
    };
    const { text } = await render('event.changed', 'en', data);
    expect(normalize(text)).toContain('Time zone: Asia/Shanghai → Asia/Tokyo');
    expect(normalize(text)).toContain(
      'Start: Saturday, 15 May 2027 at 10:00 (Asia/Shanghai) → Saturday, 15 May 2027 at 10:00 (Asia/Tokyo)',
    );
  });

  it('should say when an online event’s link is not given yet and never link a non-web URL', async () => {
    const online = { ...FIXTURE_EVENT, format: 'online' as const, venue: null, onlineUrl: null };
    const waiting = await render('registration.waitlisted', 'en', {
      ...FIXTURES['registration.waitlisted'],
      event: online,
    });
    expect(waiting.text).toContain('Where: Online (the link will be sent to confirmed participants)');
    const hostile = { ...online, onlineUrl: 'javascript:alert(1)' };
    const { html } = await render('registration.confirmed', 'en', {
      ...FIXTURES['registration.confirmed'],
      event: hostile,
    });
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('href="#"');
  });

  it('should list no payments when the statement year has none', async () => {
    const data = { ...FIXTURES['sponsorship.annual_statement'], totals: [] };
    expect((await render('sponsorship.annual_statement', 'en', data)).text).toContain(
      'No payments were recorded in 2026.',
    );
    expect((await render('sponsorship.annual_statement', 'zh-CN', data)).text).toContain('2026年没有付款记录。');
    expect((await render('sponsorship.annual_statement', 'ne', data)).text).toContain(
      'सन् २०२६ मा कुनै भुक्तानी अभिलेख गरिएको छैन।',
    );
  });

  it('should show the organization beside the Kinship name when given', async () => {
    const en = await renderMail('account.welcome', 'en', FIXTURES['account.welcome'], {
      ...OPTIONS,
      organization: 'Hope & Co',
    });
    expect(en.text.startsWith('Kinship · Hope & Co\n')).toBe(true);
    expect(en.html).toContain('Kinship<span');
    expect(en.html).toContain('Hope &amp; Co');
    expect(en.text).toContain('Sent by Kinship for Hope & Co');
  });

  describe('strict mode', () => {
    it('should throw when the data lacks a field a template uses', async () => {
      const { manageUrl: _, ...withoutManageUrl } = FIXTURES['registration.cancelled'];
      // Links go through the href helper, whose parameters strict mode does not check: it refuses them itself.
      await expect(render('registration.cancelled', 'en', withoutManageUrl as never)).rejects.toThrow(
        /registration\.cancelled \(en\).*link needs a URL/,
      );
      const { name: __, ...withoutName } = FIXTURES['account.welcome'];
      await expect(render('account.welcome', 'zh-CN', withoutName as never)).rejects.toThrow(/name/);
      const { code: ___, ...withoutCode } = FIXTURES['registration.reminder'];
      await expect(render('registration.reminder', 'en', withoutCode as never)).rejects.toThrow(/code/);
    });

    it('should throw when a formatted value is missing or invalid', async () => {
      const { due: _, ...withoutDue } = FIXTURES['sponsorship.payment_due'];
      await expect(render('sponsorship.payment_due', 'en', withoutDue as never)).rejects.toThrow(/Money/);
      const badTime = { ...FIXTURES['event.cancelled'], event: { ...FIXTURE_EVENT, startsAt: 'soon' } };
      await expect(render('event.cancelled', 'en', badTime)).rejects.toThrow(/startsAt/);
    });

    it('should refuse an unknown kind or locale', async () => {
      await expect(renderMail('account.nope' as never, 'en', {} as never, OPTIONS)).rejects.toThrow(/kind/);
      await expect(renderMail('account.welcome', 'fr' as never, FIXTURES['account.welcome'], OPTIONS)).rejects.toThrow(
        /locale/,
      );
    });
  });

  it('should render concurrently with the same results as one at a time', async () => {
    const stable = (m: RenderedMail) => ({
      ...m,
      attachments: m.attachments.map((a) => ({
        ...a,
        content: typeof a.content === 'string' ? a.content.replace(/DTSTAMP:\w+/, '') : a.content.toString('base64'),
      })),
    });
    const all = await Promise.all(CASES.map(([kind, locale]) => render(kind, locale)));
    all.forEach((m, i) => {
      const [kind, locale] = CASES[i];
      expect(stable(m)).toEqual(stable(mail(kind, locale)));
    });
    // PNG encoding runs far slower under Jest's module sandbox than in Node (about 200 ms against 5 ms).
  }, 30_000);
});

describe('templates', () => {
  it.each(CASES)('should have %s in %s with a subject, HTML, text and footer', (kind, locale) => {
    const file = join(TEMPLATES_DIR, locale, `${kind}.hbs`);
    expect(existsSync(file)).toBe(true);
    const sections = splitSections(readFileSync(file, 'utf8'), file, ['subject', 'html', 'text', 'footer']);
    for (const body of Object.values(sections)) expect(body.trim()).not.toBe('');
  });

  it('should fail to load when a kind has no template in a locale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinship-templates-'));
    try {
      cpSync(TEMPLATES_DIR, dir, { recursive: true });
      expect(() => loadTemplates(dir)).not.toThrow();
      rmSync(join(dir, 'zh-CN', 'event.message.hbs'));
      expect(() => loadTemplates(dir)).toThrow(/event\.message\.hbs/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should refuse a template with a missing section', () => {
    expect(() =>
      splitSections('{{!-- @subject --}}\nHi\n{{!-- @html --}}\n<p>Hi</p>\n', 'x.hbs', ['subject', 'html', 'text']),
    ).toThrow(/missing section @text/);
  });
});

/** A small RFC 5545 reader: unfolds lines and returns each component's properties. */
interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}
interface IcsComponent {
  name: string;
  props: IcsProperty[];
  children: IcsComponent[];
}

function parseIcs(ics: string): IcsComponent {
  expect(ics).toMatch(/\r\n$/);
  const lines = ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const root: IcsComponent = { name: 'ROOT', props: [], children: [] };
  const stack = [root];
  for (const line of lines) {
    const colon = line.indexOf(':');
    const [name, ...paramParts] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') {
      const child: IcsComponent = { name: value, props: [], children: [] };
      stack[stack.length - 1].children.push(child);
      stack.push(child);
    } else if (name === 'END') {
      expect(stack.pop()!.name).toBe(value);
    } else {
      const params = Object.fromEntries(paramParts.map((p) => p.split('=') as [string, string]));
      stack[stack.length - 1].props.push({ name, params, value });
    }
  }
  expect(stack).toHaveLength(1);
  return root.children[0];
}

function prop(component: IcsComponent, name: string): IcsProperty {
  const found = component.props.filter((p) => p.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

const unescapeText = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

async function invite(
  data: MailData['registration.confirmed'],
  kind: 'registration.confirmed' | 'registration.promoted' = 'registration.confirmed',
) {
  const { attachments } = await render(kind, 'en', data);
  const ics = attachments.find((a) => a.filename === 'invite.ics')!;
  expect(ics.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
  expect(typeof ics.content).toBe('string');
  const calendar = parseIcs(ics.content as string);
  expect(calendar.name).toBe('VCALENDAR');
  const events = calendar.children.filter((c) => c.name === 'VEVENT');
  expect(events).toHaveLength(1);
  return { calendar, event: events[0], text: (ics.content as string).replace(/\r\n[ \t]/g, '') };
}

describe('invite.ics', () => {
  const ticket = FIXTURES['registration.confirmed'];

  it('should hold one event in the event’s own zone, with a stable UID, title, place, link and code', async () => {
    for (const kind of ['registration.confirmed', 'registration.promoted'] as const) {
      const { calendar, event, text } = await invite(ticket, kind);
      expect(prop(calendar, 'VERSION').value).toBe('2.0');
      expect(prop(calendar, 'METHOD').value).toBe('PUBLISH');
      expect(prop(event, 'UID').value).toBe(`${ticket.registrationId}@kinship`);
      expect(prop(event, 'DTSTART')).toEqual({
        name: 'DTSTART',
        params: { TZID: 'Asia/Shanghai' },
        value: '20270515T100000',
      });
      expect(prop(event, 'DTEND')).toEqual({
        name: 'DTEND',
        params: { TZID: 'Asia/Shanghai' },
        value: '20270515T160000',
      });
      expect(prop(event, 'DTSTAMP').value).toMatch(/^\d{8}T\d{6}Z$/);
      expect(unescapeText(prop(event, 'SUMMARY').value)).toBe(ticket.event.title);
      expect(unescapeText(prop(event, 'LOCATION').value)).toBe(ticket.event.venue);
      // The event's page: a calendar file is shared, and must not carry the family's manage link.
      expect(prop(event, 'URL').value).toBe(ticket.event.url);
      expect(text).not.toContain(ticket.manageUrl);
      expect(text).not.toContain('token');
      expect(unescapeText(prop(event, 'DESCRIPTION').value)).toContain(`Check-in code: ${ticket.code}`);
      const zones = calendar.children.filter((c) => c.name === 'VTIMEZONE');
      expect(zones.map((z) => prop(z, 'TZID').value)).toEqual(['Asia/Shanghai']);
    }
  });

  it('should describe the entry in the recipient’s language', async () => {
    const { attachments } = await render('registration.confirmed', 'zh-CN');
    const event = parseIcs(attachments[0].content as string).children.find((c) => c.name === 'VEVENT')!;
    expect(unescapeText(prop(event, 'DESCRIPTION').value)).toBe(
      `签到码：${ticket.code}\n人数：3\n活动页面：${ticket.event.url}`,
    );
    const ne = (await render('registration.confirmed', 'ne')).attachments[0];
    const neEvent = parseIcs(ne.content as string).children.find((c) => c.name === 'VEVENT')!;
    expect(unescapeText(prop(neEvent, 'DESCRIPTION').value)).toBe(
      `प्रवेश कोड: ${ticket.code}\nव्यक्ति संख्या: ३\nकार्यक्रमको पृष्ठ: ${ticket.event.url}`,
    );
  });

  it('should keep local times across daylight saving time and days', async () => {
    const event = {
      ...FIXTURE_EVENT,
      timezone: 'America/New_York',
      // 19:30 EDT on 3 July to 01:00 EDT on 4 July.
      startsAt: '2027-07-03T23:30:00Z',
      endsAt: '2027-07-04T05:00:00Z',
      format: 'online' as const,
      venue: null,
    };
    const { calendar, event: vevent } = await invite({ ...ticket, event });
    expect(prop(vevent, 'DTSTART')).toMatchObject({ params: { TZID: 'America/New_York' }, value: '20270703T193000' });
    expect(prop(vevent, 'DTEND')).toMatchObject({ params: { TZID: 'America/New_York' }, value: '20270704T010000' });
    expect(unescapeText(prop(vevent, 'LOCATION').value)).toBe(FIXTURE_EVENT.onlineUrl);
    const zone = calendar.children.find((c) => c.name === 'VTIMEZONE')!;
    expect(zone.children.map((c) => c.name).sort()).toEqual(['DAYLIGHT', 'STANDARD']);
  });

  it('should not depend on the zone of the process', async () => {
    const previous = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const { event } = await invite(ticket);
      expect(prop(event, 'DTSTART').value).toBe('20270515T100000');
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });
});

describe('check-in QR code', () => {
  it.each(['registration.confirmed', 'registration.promoted', 'registration.reminder'] as const)(
    'should be an inline PNG of the code that the HTML of %s shows',
    async (kind) => {
      for (const locale of MAIL_LOCALES) {
        const { html, attachments } = await render(kind, locale);
        const qr = attachments.find((a) => a.contentType === 'image/png')!;
        expect(qr).toMatchObject({ contentDisposition: 'inline', filename: 'check-in-code.png' });
        expect(qr.cid).toBeTruthy();
        expect(html).toContain(`<img src="cid:${qr.cid}"`);
        const png = PNG.sync.read(qr.content as Buffer);
        const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
        expect(decoded?.data).toBe(CODE);
      }
    },
  );
});
