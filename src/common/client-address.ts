import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { isIP } from 'node:net';

/**
 * The client's address as the limits count it: the socket's peer, or what X-Forwarded-For says
 * when the peer is a proxy TRUST_PROXY names (Express's `req.ip`). An IPv4 address mapped into
 * IPv6 is written as IPv4; an IPv6 address stands for its /64, which one subscriber usually holds
 * whole, so walking through it does not buy a fresh allowance per address.
 */
export function clientAddress(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIP(ip) !== 6) return ip;
  return `${expandIpv6(ip).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, `::` expanded, without leading zeros. */
function expandIpv6(ip: string): string[] {
  const [head, tail] = ip.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const middle = tail === undefined ? [] : new Array(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}

/** The handler's client address (see `clientAddress`). */
export const ClientAddress = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return clientAddress(ctx.switchToHttp().getRequest<Request>().ip);
});
