import { expect } from '@playwright/test';
import { stack } from './stack';

export interface Mail {
  id: string;
  subject: string;
  to: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string }[];
}

interface Summary {
  id: string;
  subject: string;
  to: string;
}

/** Waits until the SMTP server has received a mail to `to` whose subject matches, and returns it whole. */
export async function mailTo(to: string, subject: RegExp = /./, timeoutMs = 20_000): Promise<Mail> {
  let found: Summary | undefined;
  await expect
    .poll(
      async () => {
        const list = (await (await fetch(`${stack().mailURL}/api/messages`)).json()) as Summary[];
        found = list.find((m) => m.to.toLowerCase().includes(to.toLowerCase()) && subject.test(m.subject));
        return !!found;
      },
      { timeout: timeoutMs, message: `a mail to ${to} with a subject like ${subject}` },
    )
    .toBe(true);
  return (await (await fetch(`${stack().mailURL}/api/messages/${found!.id}`)).json()) as Mail;
}

/** The first link in the mail's text that starts with the app's address and this path. */
export function linkIn(mail: Mail, path: string): string {
  const base = stack().baseURL;
  const urls = mail.text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [];
  const url = urls.find((u) => u.startsWith(`${base}${path}`));
  if (!url) throw new Error(`no link to ${path} in "${mail.subject}":\n${mail.text}`);
  return url;
}
