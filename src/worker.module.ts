import { Module } from '@nestjs/common';
import { CoreModule } from './core.module';

/** The worker process: no HTTP. Queue processors and schedulers register here (never in the api). */
@Module({
  imports: [CoreModule.forProcess('worker')],
})
export class WorkerModule {}
