import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as QRCode from 'qrcode';
import { client, guestRegisters, login, publishedEvent, signup, uniqueEmail } from './support/api';
import { signInPage } from './support/session';
import { ROOT, stack } from './support/stack';

/**
 * The door with the network cut (DESIGN.md, "Check-in app"): the device decides from its own list,
 * keeps what the door did, and sends it when the network is back; what another device did and a
 * cancellation made meanwhile come back as conflicts, and the server counts every person once.
 */
const PASSWORD = 'organizer-password';

async function organizerAccount(): Promise<{ email: string; token: string }> {
  const email = uniqueEmail('door');
  const { user } = await signup('Door Organizer', email, PASSWORD);
  const admin = await login(stack().adminEmail, stack().adminPassword);
  const roles = await client(admin).PUT('/api/v1/users/{id}/roles', {
    params: { path: { id: user.id } },
    body: { roles: ['family', 'organizer'] },
  });
  expect(roles.response.status).toBe(200);
  return { email, token: await login(email, PASSWORD) };
}

/** A door device: its own browser context (its own IndexedDB), signed in with a session cookie. */
async function device(browser: Browser, email: string, eventId: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: stack().baseURL });
  const page = await context.newPage();
  await signInPage(page, email, PASSWORD);
  await page.goto(`/checkin/${eventId}`);
  await expect(page.getByText(/^List updated /)).toBeVisible();
  return page;
}

async function scan(page: Page, code: string): Promise<void> {
  const field = page.getByLabel('Check-in code');
  await field.fill(code);
  // A USB scanner types the code and then Enter.
  await field.press('Enter');
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
}

test('door devices check families in with the network cut, and the server ends with each person once', async ({
  browser,
}) => {
  const { email, token } = await organizerAccount();
  const event = await publishedEvent(token, { title: 'Door Test Picnic', capacity: 10, maxPartySize: 5 });
  const [rai, kc, gurung, thapa, lama] = [
    await guestRegisters(event.id, 'Asha Rai', 3),
    await guestRegisters(event.id, 'Binod KC', 2),
    await guestRegisters(event.id, 'Chandra Gurung', 2),
    await guestRegisters(event.id, 'Dil Thapa', 2),
    await guestRegisters(event.id, 'Ema Lama', 1),
  ];
  const waitlisted = await guestRegisters(event.id, 'Uma Shrestha', 2);
  expect(waitlisted.status).toBe('waitlisted');
  const dashed = (code: string) => `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`;

  const first = await device(browser, email, event.id);
  await expect(first.getByRole('heading', { level: 1 })).toHaveText('Check-in: Door Test Picnic');
  await expect(first.getByText('0 of 10 persons checked in')).toBeVisible();

  // The app's files are kept for offline use before the network goes.
  await first.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await first.context().setOffline(true);
  await expect(first.getByText(/^Offline: check-ins are kept on this device/)).toBeVisible();

  // A whole family, typed in lower case with a dash.
  await scan(first, dashed(rai.code));
  await expect(first.getByRole('heading', { name: 'Family of Asha Rai' })).toBeVisible();
  await first.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(first.getByText('Checked in: Asha Rai 1, Asha Rai 2, Asha Rai 3.')).toBeVisible();

  // Part of a family: one of its two persons is here.
  await scan(first, kc.code);
  await first.getByLabel('Binod KC 2 (adult)').uncheck();
  await first.getByRole('button', { name: 'Check in 1 person' }).click();
  await expect(first.getByText('Checked in: Binod KC 1.')).toBeVisible();

  // Two families the server will refuse: another device takes one, the other is cancelled.
  for (const f of [gurung, thapa]) {
    await scan(first, f.code);
    await first.getByRole('button', { name: 'Check in', exact: true }).click();
  }
  // A check-in taken back at once.
  await scan(first, lama.code);
  await first.getByRole('button', { name: 'Check in', exact: true }).click();
  await first.getByRole('button', { name: 'Undo check-in' }).click();
  await expect(first.getByText('Check-in taken back: Ema Lama 1.')).toBeVisible();

  // What the device says on its own, and it keeps taking codes after a bad one.
  await scan(first, waitlisted.code);
  await expect(first.getByText('Uma Shrestha is on the waitlist: not checkable.')).toBeVisible();
  await scan(first, 'ZZZ-ZZZ');
  await expect(first.getByText('No registration has the code ZZZZZZ.')).toBeVisible();
  await scan(first, rai.code);
  await expect(first.getByText(/^Asha Rai: already checked in at /)).toBeVisible();
  await scan(first, kc.code);
  await expect(first.getByText(/^Binod KC 1 \(adult\): checked in at /)).toBeVisible();
  await expect(first.getByRole('button', { name: 'Check in', exact: true })).toBeVisible();
  await expect(first.getByText('6 check-ins waiting to be sent')).toBeVisible();
  await expect(first.getByText('8 of 10 persons checked in')).toBeVisible();

  // A reload with the network cut: the service worker serves the app, IndexedDB the list and the queue.
  await first.reload();
  await expect(first.getByRole('heading', { level: 1 })).toHaveText('Check-in: Door Test Picnic');
  await expect(first.getByText('6 check-ins waiting to be sent')).toBeVisible();
  await expect(first.getByText('8 of 10 persons checked in')).toBeVisible();

  // Meanwhile, online: a second device checks in the Gurungs, and the Thapas cancel.
  const second = await device(browser, email, event.id);
  await scan(second, gurung.code);
  await second.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(second.getByText('Everything is sent.')).toBeVisible();
  // Nothing new: the device asks with its ETag, and the server answers 304 without the list.
  const notModified = second.waitForResponse((r) => r.url().includes('/check-in-list') && r.status() === 304, {
    timeout: 10_000,
  });
  for (let i = 0; i < 2; i++) await second.getByRole('button', { name: 'Sync now' }).click();
  await notModified;
  const cancel = await client().POST('/api/v1/registrations/{id}/cancel', {
    params: { path: { id: thapa.id }, header: { 'x-manage-token': thapa.manageToken! } },
  });
  expect(cancel.response.status).toBe(200);

  // A family registering now is unknown to the offline device, and known as soon as it is online.
  const late = await guestRegisters(event.id, 'Gita Karki', 1);
  await scan(first, late.code);
  await expect(first.getByText(`No registration has the code ${late.code}.`)).toBeVisible();

  // The network comes back: the queue goes, the conflicts show.
  await first.context().setOffline(false);
  await expect(first.getByText('Everything is sent.')).toBeVisible();
  // (the event is full again: the Karkis wait)
  await expect(first.getByText('Gita Karki is on the waitlist: not checkable.')).toBeVisible();
  const conflicts = first.getByRole('region', { name: /^Conflicts/ });
  await expect(conflicts.getByRole('listitem')).toHaveCount(2);
  await expect(conflicts.getByRole('listitem').filter({ hasText: 'Chandra Gurung' })).toContainText(
    'was already checked in on another device.',
  );
  await expect(conflicts.getByRole('listitem').filter({ hasText: 'Dil Thapa' })).toContainText(
    'could not be checked in: the registration is waitlisted or cancelled now.',
  );
  // The list came back from the server: the Thapas' two seats went to the Shresthas, promoted.
  await expect(first.getByText('6 of 10 persons checked in')).toBeVisible();
  await scan(first, waitlisted.code);
  await expect(first.getByRole('heading', { name: 'Family of Uma Shrestha' })).toBeVisible();
  await scan(first, thapa.code);
  await expect(first.getByText('Dil Thapa: this registration is cancelled. Not checkable.')).toBeVisible();

  // A second cut: the Shresthas, promoted while the device was offline, check in from the fresh list.
  await first.context().setOffline(true);
  await scan(first, waitlisted.code);
  await first.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(first.getByText('1 check-in waiting to be sent')).toBeVisible();
  await first.context().setOffline(false);
  await expect(first.getByText('Everything is sent.')).toBeVisible();
  await expect(first.getByText('8 of 10 persons checked in')).toBeVisible();
  await expect(conflicts.getByRole('listitem')).toHaveCount(2);

  // The server's list: each person checked in once, by the device that did it first.
  const list = await client(token).GET('/api/v1/events/{id}/check-in-list', {
    params: { path: { id: event.id } },
  });
  const inByFamily = Object.fromEntries(
    list.data!.registrations.map((r) => [r.contactName, r.attendees.filter((a) => a.checkedInAt).map((a) => a.name)]),
  );
  expect(inByFamily).toEqual({
    'Asha Rai': ['Asha Rai 1', 'Asha Rai 2', 'Asha Rai 3'],
    'Binod KC': ['Binod KC 1'],
    'Chandra Gurung': ['Chandra Gurung 1', 'Chandra Gurung 2'],
    'Dil Thapa': [],
    'Ema Lama': [],
    'Uma Shrestha': ['Uma Shrestha 1', 'Uma Shrestha 2'],
    'Gita Karki': [],
  });
  await first.context().close();
  await second.context().close();
});

/** A still picture of a QR code as a video file Chromium's fake camera plays (YUV4MPEG2, 4:2:0). */
function qrVideo(text: string): Buffer {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const [w, h, scale, quiet] = [320, 240, 6, 4];
  const side = (size + 2 * quiet) * scale;
  const [left, top] = [(w - side) / 2, (h - side) / 2];
  const luma = Buffer.alloc(w * h, 255);
  for (let y = 0; y < size * scale; y++) {
    for (let x = 0; x < size * scale; x++) {
      if (data[Math.floor(y / scale) * size + Math.floor(x / scale)]) {
        luma[(top + quiet * scale + y) * w + left + quiet * scale + x] = 0;
      }
    }
  }
  const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma]);
}

test("a door device scans a family's QR code with the camera, with the network cut", async () => {
  const { email, token } = await organizerAccount();
  const event = await publishedEvent(token, { title: 'Camera Door' });
  const family = await guestRegisters(event.id, 'Kiran Tamang', 2);
  const video = join(ROOT, '.kinship', 'checkin-camera.y4m');
  writeFileSync(video, qrVideo(family.code));
  const launch = test.info().project.use.launchOptions ?? {};
  // A browser whose camera films the family's QR code (this Chromium has no BarcodeDetector: ZXing reads it).
  const browser = await chromium.launch({
    ...launch,
    args: [
      ...(launch.args ?? []),
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const page = await device(browser, email, event.id);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Scan with the camera' }).click();
    await expect(page.getByRole('heading', { name: 'Family of Kiran Tamang' })).toBeVisible();
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await expect(page.getByText('Checked in: Kiran Tamang 1, Kiran Tamang 2.')).toBeVisible();
    await page.getByRole('button', { name: 'Stop the camera' }).click();
    await page.context().setOffline(false);
    await expect(page.getByText('Everything is sent.')).toBeVisible();
    const list = await client(token).GET('/api/v1/events/{id}/check-in-list', {
      params: { path: { id: event.id } },
    });
    expect(list.data!.registrations[0].attendees.map((a) => !!a.checkedInAt)).toEqual([true, true]);

    // The door closes: signing out removes the names from the device.
    await page.getByRole('button', { name: 'Sign out and remove the list from this device' }).click();
    await expect(page.getByRole('textbox', { name: 'Email address' })).toBeVisible();
    await page.context().setOffline(true);
    await page.goto(`/checkin/${event.id}`);
    await expect(page.getByText('This device has no list for this event yet.', { exact: false })).toBeVisible();
  } finally {
    await browser.close();
  }
});
