import { Injectable } from '@nestjs/common';
import { Caller } from '../../common/auth';
import { ForbiddenError, NotFoundError } from '../../common/errors';
import { Event } from '../../events/event.entity';
import { EventsRepository } from '../../events/events.repository';
import { EventsService } from '../../events/events.service';

/**
 * The events' own rule for organizer work (DESIGN.md rule 6): the creator, co-organizers holding
 * the organizer role, and admins. Anyone else gets 404 for a draft (they cannot know it exists)
 * and 403 for an event they can see.
 */
@Injectable()
export class OrganizerAccess {
  constructor(
    private readonly events: EventsService,
    private readonly eventsRepo: EventsRepository,
  ) {}

  async eventFor(eventId: string, caller: Caller): Promise<Event> {
    const event = await this.eventsRepo.findById(eventId);
    if (!event) throw new NotFoundError('The event');
    if (!(await this.events.isOrganizerOf(eventId, caller))) {
      if (event.status === 'draft') throw new NotFoundError('The event');
      throw new ForbiddenError("Only the event's organizers may see and manage its registrations");
    }
    return event;
  }
}
