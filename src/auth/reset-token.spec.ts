import { resetToken, resetTokenKey, verifyResetToken } from './reset-token';

describe('password-reset tokens', () => {
  const key = resetTokenKey('kinship-test-secret-0123456789');
  const id = '3f2b8c1e-8d4a-4b6e-9c1f-2a7d5e6f8a90';

  it('should name the reset id when the signature is right', () => {
    const token = resetToken(key, id);
    expect(token.startsWith(`${id}.`)).toBe(true);
    expect(verifyResetToken(key, token)).toBe(id);
  });

  it('should give the same token every time (it is recomputed, never stored)', () => {
    expect(resetToken(key, id)).toBe(resetToken(key, id.toUpperCase()));
  });

  it('should refuse a token signed under another secret', () => {
    const other = resetTokenKey('another-secret-0123456789');
    expect(verifyResetToken(key, resetToken(other, id))).toBeNull();
  });

  it('should refuse a token whose id or signature was changed', () => {
    const token = resetToken(key, id);
    const sig = token.split('.')[1];
    const otherId = '3f2b8c1e-8d4a-4b6e-9c1f-2a7d5e6f8a91';
    expect(verifyResetToken(key, `${otherId}.${sig}`)).toBeNull();
    const flipped = sig.slice(0, -2) + (sig.at(-2) === 'A' ? 'B' : 'A') + sig.at(-1);
    expect(verifyResetToken(key, `${id}.${flipped}`)).toBeNull();
  });

  it.each(['', '.', 'abc', `${'x'.repeat(36)}.${'A'.repeat(43)}`, `${id}.`, `${id}.short`, `${id}.${'A'.repeat(44)}`])(
    'should refuse the malformed token %j',
    (token) => {
      expect(verifyResetToken(key, token)).toBeNull();
    },
  );
});
