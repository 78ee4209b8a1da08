import { Module } from '@nestjs/common';
import { CoreModule } from './core.module';
import { MessagesWorkerModule } from './registrations/messages.worker';

/** The worker process: no HTTP. Queue processors and schedulers register here (never in the api). */
@Module({
  imports: [CoreModule.forProcess('worker'), MessagesWorkerModule],
})
export class WorkerModule {}
