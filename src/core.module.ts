import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { loggerParams } from './common/logging';
import { ConfigModule } from './config/config.module';
import { AppConfig } from './config/config.module';
import { dataSourceOptions } from './database/options';
import { RedisModule } from './redis/redis.module';

/** What both processes need: validated config, JSON logs, Postgres, Redis and the BullMQ connection. */
function coreImports(processName: 'api' | 'worker') {
  return [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => loggerParams(config.get('LOG_LEVEL'), processName),
    }),
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.get('DATABASE_URL'), {
          size: config.get('DATABASE_POOL_SIZE'),
          waitMs: config.get('DATABASE_POOL_WAIT_MS'),
        }),
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
    RedisModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const url = new URL(config.get('REDIS_URL'));
        return {
          connection: {
            host: url.hostname,
            port: Number(url.port || 6379),
            username: url.username || undefined,
            password: url.password ? decodeURIComponent(url.password) : undefined,
            db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
            tls: url.protocol === 'rediss:' ? {} : undefined,
          },
          prefix: 'kinship',
        };
      },
    }),
  ];
}

@Module({})
export class CoreModule {
  static forProcess(processName: 'api' | 'worker'): DynamicModule {
    const imports = coreImports(processName);
    return { module: CoreModule, imports, exports: imports };
  }
}
