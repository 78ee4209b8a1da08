import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiQuery } from '@nestjs/swagger';
import type { Response } from 'express';
import type { RequestWithCaller } from './auth';
import { InvalidRequestError } from './errors';
import { Locale, localeOfTag, negotiateLocale } from './locales';
import { rule } from './validators';

const LANG_MESSAGE = 'lang must be en, zh-CN or ne (zh and regional tags such as ne-NP are read as these)';

/** `?lang=` as Kinship reads it: a tag localeOfTag knows. */
export const IsLangTag = rule(
  'isLangTag',
  () => LANG_MESSAGE,
  (v) => localeOfTag(v) !== null,
);

/** `?lang=`: absent is null; anything Kinship does not speak (or a repeated parameter) is a 400 on `lang`. */
export function langOf(value: unknown): Locale | null {
  if (value === undefined) return null;
  const locale = localeOfTag(value);
  if (!locale) throw new InvalidRequestError(LANG_MESSAGE, [{ field: 'lang', message: LANG_MESSAGE }]);
  return locale;
}

/**
 * The locale the caller asks content in (`?lang=`, else Accept-Language, else the account's
 * locale), or null when nothing asks. Read after the guard, so the caller is known. The answer
 * then depends on Accept-Language, and says so to caches (`Vary`).
 */
export const AskedLocale = createParamDecorator((_: unknown, ctx: ExecutionContext): Locale | null => {
  const req = ctx.switchToHttp().getRequest<RequestWithCaller>();
  ctx.switchToHttp().getResponse<Response>().vary('Accept-Language');
  return negotiateLocale({
    lang: langOf(req.query?.lang),
    acceptLanguage: req.headers['accept-language'],
    callerLocale: req.caller?.locale,
  });
});

const LANG_QUERY = {
  name: 'lang',
  required: false,
  enum: ['en', 'zh-CN', 'ne', 'zh'],
  description: 'the language to answer in; wins over Accept-Language and the account locale. zh is zh-CN.',
} as const;

/**
 * OpenAPI for an endpoint that answers in the asked locale. `withQuery` documents `?lang=` for
 * handlers without a query DTO (one that has one carries `lang` itself).
 */
export function ApiAskedLocale(withQuery = true) {
  return applyDecorators(
    ApiHeader({
      name: 'Accept-Language',
      required: false,
      description:
        'used when ?lang= is absent: the best of en, zh-CN and ne; else the account locale, else the content language',
    }),
    ...(withQuery ? [ApiQuery(LANG_QUERY)] : []),
  );
}

/** The `lang` property of a query DTO, documented as ApiAskedLocale documents it. */
export const LANG_PROPERTY = { enum: LANG_QUERY.enum, description: LANG_QUERY.description } as const;
