import { BACKOFF_SECONDS, describeError, isAddressRefusal, isPermanent, verdict } from './retry-policy';

describe('retry policy', () => {
  it('should fail at once when the server refuses the recipient for good (5xx)', () => {
    expect(verdict({ responseCode: 550 }, 1, 10)).toEqual({ action: 'fail' });
    expect(verdict({ responseCode: 553 }, 1, 10)).toEqual({ action: 'fail' });
    expect(isPermanent({ responseCode: 451 })).toBe(false);
  });

  it('should back off on 4xx and network errors, seconds first, then minutes', () => {
    const first = verdict({ responseCode: 451 }, 1, 10);
    const fifth = verdict({ code: 'ECONNREFUSED' }, 5, 10);
    expect(first.action).toBe('retry');
    expect(first.action === 'retry' && first.delayMs).toBeGreaterThanOrEqual(BACKOFF_SECONDS[0] * 800);
    expect(first.action === 'retry' && first.delayMs).toBeLessThanOrEqual(BACKOFF_SECONDS[0] * 1200);
    expect(fifth.action === 'retry' && fifth.delayMs).toBeGreaterThanOrEqual(120 * 800);
  });

  it('should give up after the last attempt', () => {
    expect(verdict({ responseCode: 421 }, 9, 10).action).toBe('retry');
    expect(verdict({ responseCode: 421 }, 10, 10)).toEqual({ action: 'fail' });
  });

  it('should scale the delays (tests shrink them)', () => {
    const v = verdict({ code: 'ETIMEDOUT' }, 1, 10, 0.001);
    expect(v.action === 'retry' && v.delayMs).toBeLessThanOrEqual(6);
  });

  it('should describe the SMTP reply', () => {
    expect(describeError({ responseCode: 550, response: '550 5.1.1 no such user' })).toBe('550 5.1.1 no such user');
    expect(describeError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' })).toBe(
      'ECONNREFUSED: connect ECONNREFUSED',
    );
  });

  it.each([
    [{ responseCode: 550, response: '550 5.1.1 <a@example.org>: Recipient address rejected', command: 'DATA' }, true],
    [{ responseCode: 550, response: '550 5.2.1 mailbox disabled', command: 'RCPT TO' }, true],
    [{ responseCode: 553, response: '553 sorry, that domain is not in my list', command: 'RCPT TO' }, true],
    [{ responseCode: 554, response: '554 no mailbox here', command: 'RCPT TO' }, true],
    [{ responseCode: 550, response: '550 no such user', command: 'DATA' }, true],
    [{ responseCode: 550, response: '550 5.7.1 message rejected as spam', command: 'DATA' }, false],
    [{ responseCode: 552, response: '552 5.3.4 message too big', command: 'DATA' }, false],
    [{ responseCode: 554, response: '554 transaction failed', command: 'DATA' }, false],
    [{ responseCode: 450, response: '450 4.2.1 mailbox busy', command: 'RCPT TO' }, false],
    [{ code: 'ECONNREFUSED' }, false],
  ])('should tell a refusal of the address itself (%j: %s)', (err, expected) => {
    expect(isAddressRefusal(err)).toBe(expected);
  });
});
