import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { WebPages } from './web-pages';

/** The web app's pages, served by the api process (src/web/web-app.ts mounts them). */
@Module({ imports: [EventsModule], providers: [WebPages], exports: [WebPages] })
export class WebModule {}
