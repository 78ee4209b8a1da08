import type { MailData, MailEvent, MailKind, TicketData } from './mail-kinds';

/**
 * Realistic data for every mail kind, for the specs and for previewing templates. Names mix Chinese,
 * an apostrophe and markup, so escaping and encoding show up wherever a template prints them.
 */
export const PUBLIC_URL = 'https://kinship.example.org';

export const FIXTURE_EVENT: MailEvent = {
  id: '6b1f2c4e-0d2a-4b8e-9a51-3f7d2f0c9e11',
  title: "Families' Day, <Park> & Picnic",
  // 10:00–16:00 in Shanghai (UTC+8).
  startsAt: '2027-05-15T02:00:00.000Z',
  endsAt: '2027-05-15T08:00:00.000Z',
  timezone: 'Asia/Shanghai',
  format: 'hybrid',
  venue: '世纪公园 3号门, Pudong',
  onlineUrl: 'https://meet.example.org/families-day?pwd=a1&b=2',
  url: `${PUBLIC_URL}/events/families-day-2027`,
};

const registration = {
  name: '王小明',
  event: FIXTURE_EVENT,
  registrationId: '0f8e7d6c-5b4a-4392-8170-a1b2c3d4e5f6',
  manageUrl: `${PUBLIC_URL}/registrations/0f8e7d6c-5b4a-4392-8170-a1b2c3d4e5f6?token=tok_9Zx-81&lang=zh`,
};

const unsubscribeUrl = `${PUBLIC_URL}/unsubscribe/0f8e7d6c-5b4a-4392-8170-a1b2c3d4e5f6?token=uns_Q7w-2&lang=zh-CN`;

const ticket: TicketData = {
  ...registration,
  code: 'KX7P-4Q2M',
  partySize: 3,
  attendees: [
    { name: '王小明', category: 'adult' },
    { name: "Siobhán O'Brien", category: 'adult' },
    { name: '<script>alert("x")</script>', category: 'child' },
  ],
};

export const MESSAGE_BODY = 'Dear families,\nParking is at gate 3 <b>only</b>.\n\nBring water & sun hats!\n王老师';

export const FIXTURES: { [K in MailKind]: MailData[K] } = {
  'account.welcome': { name: "Siobhán O'Brien", eventsUrl: `${PUBLIC_URL}/events` },
  'account.password_reset': {
    name: '李华',
    resetUrl: `${PUBLIC_URL}/reset-password?token=rst_4f9a2b&lang=en`,
    expiresAt: '2027-05-01T09:30:00.000Z',
  },
  'registration.confirmed': ticket,
  'registration.waitlisted': {
    ...registration,
    position: 4,
    partySize: ticket.partySize,
    attendees: ticket.attendees,
  },
  'registration.promoted': ticket,
  'registration.changed': {
    ...registration,
    status: 'waitlisted',
    position: 2,
    code: ticket.code,
    partySize: 2,
    attendees: ticket.attendees.slice(0, 2),
  },
  'registration.cancelled': registration,
  'registration.manage_link': registration,
  'registration.reminder': { ...registration, code: ticket.code, partySize: 3, unsubscribeUrl },
  'event.changed': {
    ...registration,
    event: { ...FIXTURE_EVENT, startsAt: '2027-05-22T02:00:00.000Z', endsAt: '2027-05-22T08:00:00.000Z' },
    changes: [
      { field: 'startsAt', from: '2027-05-15T02:00:00.000Z', to: '2027-05-22T02:00:00.000Z' },
      { field: 'endsAt', from: '2027-05-15T08:00:00.000Z', to: '2027-05-22T08:00:00.000Z' },
      { field: 'venue', from: "St Mary's Hall", to: '世纪公园 3号门, Pudong' },
    ],
  },
  'event.cancelled': registration,
  'event.message': {
    ...registration,
    subject: 'Parking & what to bring',
    body: MESSAGE_BODY,
    organizerName: 'Zhang Wei 张伟',
    unsubscribeUrl,
  },
  'sponsorship.payment_due': {
    name: 'Margaret Thompson',
    studentName: 'Mei',
    due: { amount: 12550, currency: 'USD' },
    dueDate: '2027-06-01',
    sponsorshipUrl: `${PUBLIC_URL}/me/sponsorships/9a8b7c6d`,
  },
  'sponsorship.report_published': {
    name: 'Margaret Thompson',
    studentName: 'Mei',
    term: '2026–2027 Term 1',
    reportUrl: `${PUBLIC_URL}/me/sponsorships/9a8b7c6d/reports/3`,
  },
  'sponsorship.annual_statement': {
    name: '陈静',
    studentName: 'Mei',
    year: 2026,
    totals: [
      { amount: 150600, currency: 'USD' },
      { amount: 30000, currency: 'JPY' },
    ],
    statementUrl: `${PUBLIC_URL}/me/sponsorships/9a8b7c6d/statement?year=2026`,
  },
};
