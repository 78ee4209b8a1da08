import { Global, Injectable, Module } from '@nestjs/common';
import { Env, loadEnv } from './env';

/**
 * The validated environment, read once when the module is built (so each app instance, tests
 * included, sees the environment of its own start). Typed: `config.get('PORT')` is a number.
 */
@Injectable()
export class AppConfig {
  readonly env: Env = loadEnv();

  get<K extends keyof Env>(key: K): Env[K] {
    return this.env[key];
  }
}

@Global()
@Module({ providers: [AppConfig], exports: [AppConfig] })
export class ConfigModule {}
