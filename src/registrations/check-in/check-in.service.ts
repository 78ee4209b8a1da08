import { Injectable, Logger } from '@nestjs/common';
import { Caller } from '../../common/auth';
import { parseInstant } from '../../events/event-rules';
import { isCodeShape, normalizeCode } from '../checkin-code';
import { OrganizerAccess } from '../organizer/organizer-access';
import { OrganizerRegistrationsRepository } from '../organizer/organizer-registrations.repository';
import { CheckInOutcome } from './check-in-operation.entity';
import { CheckInRepository, SINCE_OVERLAP_MS } from './check-in.repository';
import {
  CheckInBatchDto,
  CheckInBatchItem,
  CheckInBatchResponse,
  CheckInBatchResult,
  CheckInListResponse,
} from './dto/check-in.dto';

/**
 * The check-in app's side of the door (DESIGN.md, "Check-in app"): the list a device keeps offline,
 * and the check-ins and undos it made, applied once each whatever the network did.
 */
@Injectable()
export class CheckInService {
  private readonly logger = new Logger(CheckInService.name);

  constructor(
    private readonly repo: CheckInRepository,
    private readonly registrations: OrganizerRegistrationsRepository,
    private readonly access: OrganizerAccess,
  ) {}

  /** The list and its ETag; `null` list: the device's copy (`ifNoneMatch`) is current. */
  async list(
    eventId: string,
    since: string | undefined,
    ifNoneMatch: string | undefined,
    caller: Caller,
  ): Promise<{ etag: string; list: CheckInListResponse | null }> {
    const event = await this.access.eventFor(eventId, caller);
    const from = since ? new Date(parseInstant(since)!.getTime() - SINCE_OVERLAP_MS) : null;
    const etag = await this.repo.version(eventId, from);
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      return { etag, list: null };
    }
    const { syncedAt, rows } = await this.repo.list(eventId, from);
    return {
      etag,
      list: {
        eventId,
        eventStatus: event.status,
        syncedAt: syncedAt.toISOString(),
        full: from === null,
        registrations: rows,
      },
    };
  }

  /** Each item in a transaction of its own, in order: one that fails to apply stops the batch there. */
  async batch(eventId: string, dto: CheckInBatchDto, caller: Caller): Promise<CheckInBatchResponse> {
    await this.access.eventFor(eventId, caller);
    const results: CheckInBatchResult[] = [];
    for (const item of dto.items) results.push(await this.apply(eventId, item, caller));
    const tally: Partial<Record<CheckInOutcome, number>> = {};
    for (const r of results) tally[r.outcome] = (tally[r.outcome] ?? 0) + 1;
    this.logger.log({ eventId, userId: caller.id, items: results.length, ...tally }, 'check-in batch applied');
    return { results };
  }

  private apply(eventId: string, item: CheckInBatchItem, caller: Caller): Promise<CheckInBatchResult> {
    const id = item.id.toLowerCase();
    const undo = item.undo === true;
    return this.repo.transaction(async (m) => {
      if (!(await this.repo.claim(m, { id, eventId, undo, at: parseInstant(item.at)!, userId: caller.id }))) {
        return { id, outcome: 'duplicate' };
      }
      const code = normalizeCode(item.code);
      // Share-locked: a cancellation (which locks for update) waits for this item, or this item sees it.
      const r = isCodeShape(code) ? await this.registrations.findByCodeForShare(m, eventId, code) : null;
      if (!r) {
        await this.repo.settle(m, id, 'unknown_code', null);
        return { id, outcome: 'unknown_code' };
      }
      const party = await this.repo.party(m, r.id);
      const named = item.attendeeIds?.map((a) => a.toLowerCase()).filter((a) => party.some((p) => p.id === a)) ?? null;
      let outcome: CheckInOutcome;
      if (undo) {
        // An undo applies whatever the status: it only takes back what the door did.
        await this.registrations.undoCheckIn(m, r.id, named);
        outcome = 'undone';
      } else if (r.status !== 'confirmed' || (named !== null && named.length === 0)) {
        outcome = 'not_checkable';
      } else {
        const stamped = await this.registrations.checkIn(m, r.id, named, parseInstant(item.at)!);
        outcome = stamped > 0 ? 'checked_in' : 'already_checked_in';
      }
      await this.repo.settle(m, id, outcome, r.id);
      const now = await this.repo.party(m, r.id);
      return { id, outcome, registrationId: r.id, checkedIn: now.filter((p) => p.checkedIn).map((p) => p.id) };
    });
  }
}
