import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../i18n/en';
import { I18nProvider } from '../../i18n/i18n';
import { DeleteAccount } from './DeleteAccount';

// The typed client takes `fetch` when it is created: the stand-in server is in place before.
const server = vi.hoisted(() => {
  const state = { answers: [] as (() => Response)[], sent: [] as { method: string; url: string; body: string }[] };
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const req = input as Request;
    state.sent.push({ method: req.method, url: new URL(req.url).pathname, body: await req.text() });
    return state.answers.shift()!();
  };
  return state;
});

const problem = (status: number, code: string) => () =>
  new Response(
    JSON.stringify({ type: `https://kinship.dev/problems/${code}`, title: 'x', status, detail: 'x', code }),
    {
      status,
      headers: { 'Content-Type': 'application/problem+json' },
    },
  );

function renderIt(onDeleted: () => void) {
  render(
    <I18nProvider locale="en" catalog={en} setLocale={() => {}}>
      <DeleteAccount onDeleted={onDeleted} />
    </I18nProvider>,
  );
}

describe('DeleteAccount', () => {
  afterEach(cleanup);

  it('should ask for the password, say so on the field when it is wrong, and delete with the right one', async () => {
    const onDeleted = vi.fn();
    renderIt(onDeleted);
    fireEvent.click(screen.getByRole('button', { name: en.account.deleteStart }));
    const password = screen.getByLabelText(en.account.deletePassword);
    expect(document.activeElement).toBe(password);

    // Nothing typed: no request at all.
    fireEvent.click(screen.getByRole('button', { name: en.account.deleteConfirm }));
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(server.sent).toHaveLength(0);

    server.answers.push(problem(403, 'forbidden'));
    fireEvent.change(password, { target: { value: 'not it' } });
    fireEvent.click(screen.getByRole('button', { name: en.account.deleteConfirm }));
    await screen.findByText(en.account.deleteWrongPassword);
    expect(onDeleted).not.toHaveBeenCalled();

    server.answers.push(
      () =>
        new Response(JSON.stringify({ id: 'x', subject: 'account', account: true }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    fireEvent.change(password, { target: { value: 'the right one' } });
    fireEvent.click(screen.getByRole('button', { name: en.account.deleteConfirm }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1));
    expect(server.sent.map((s) => [s.method, s.url, s.body])).toEqual([
      ['DELETE', '/api/v1/me', JSON.stringify({ password: 'not it' })],
      ['DELETE', '/api/v1/me', JSON.stringify({ password: 'the right one' })],
    ]);
  });

  it('should explain why an account others rely on cannot go', async () => {
    renderIt(vi.fn());
    fireEvent.click(screen.getByRole('button', { name: en.account.deleteStart }));
    server.answers.push(problem(409, 'invalid_transition'));
    fireEvent.change(screen.getByLabelText(en.account.deletePassword), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: en.account.deleteConfirm }));
    expect((await screen.findByRole('alert')).textContent).toBe(en.account.deleteBlocked);
  });
});
