import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LoginLimits } from '../auth/login-limits';
import { verifyPassword } from '../auth/passwords';
import { Caller } from '../common/auth';
import { ConflictError, ForbiddenError } from '../common/errors';
import { RegistrationsService } from '../registrations/registrations.service';
import { SponsorshipsService } from '../sponsorships/sponsorships.service';
import { UsersRepository } from '../users/users.repository';
import { offsetOf, Page, PageQuery, pageOf } from '../common/pagination';
import { ErasureRecordResponse, ErasureResponse } from './dto/privacy.dto';
import { Erasure } from './erasure.entity';
import { ErasableRegistration, ErasureRepository } from './erasure.repository';

/** What one erasure did, before it is recorded. */
interface Tally {
  registrations: number;
  cancelled: number;
  mails: number;
  sponsorships: number;
}

/**
 * Erasure on request (GDPR Art. 17, PIPL Art. 47): the person goes from Kinship, what others
 * rely on stays without them. Active registrations are cancelled first through the ordinary
 * cancellation (seats freed, the waitlist promoted, in the same transaction); then every personal
 * field of the registrations goes, the mail to the person leaves the outbox, a sponsor's
 * sponsorships end and keep their payments without the name, and the account with its household
 * and sessions is deleted. Registrations of events that have ended are not cancelled: their
 * counts stay as they were. One row in `erasures` says that it happened, who asked, and how much
 * went; never what.
 */
@Injectable()
export class ErasureService {
  private readonly logger = new Logger(ErasureService.name);

  constructor(
    private readonly repo: ErasureRepository,
    private readonly users: UsersRepository,
    private readonly registrations: RegistrationsService,
    private readonly sponsorships: SponsorshipsService,
    private readonly logins: LoginLimits,
  ) {}

  /**
   * The account holder, password entered again: a wrong one is 403 and counts as a failed login
   * (so a borrowed session cannot guess it), a right one erases.
   */
  async eraseOwnAccount(caller: Caller, password: string, address: string): Promise<ErasureResponse> {
    const ok = await this.logins.attempt(caller.email, address, async () => {
      const user = await this.users.findById(caller.id);
      return user && (await verifyPassword(user.passwordHash, password)) ? true : null;
    });
    if (!ok) throw new ForbiddenError('The password is wrong; nothing was erased');
    return this.eraseAccount(caller.id, null);
  }

  /**
   * An admin, for someone who cannot sign in: the account with this email (if any) and the
   * registrations made without an account under it, with the mail to the address.
   */
  async eraseOnRequest(email: string, admin: Caller): Promise<ErasureResponse> {
    const address = email.toLowerCase();
    const userId = await this.repo.findUserIdByEmail(address);
    if (userId) {
      if (userId === admin.id) throw new ForbiddenError('Erase your own account from your account page');
      return this.eraseAccount(userId, admin.id, address);
    }
    const out = await this.repo.transaction(async (m) => {
      const regs = await this.repo.guestRegistrationsOfEmail(m, address);
      const tally = await this.eraseRegistrations(m, regs, { email: address });
      return this.repo.record(m, { subject: 'email', subjectId: null, actorId: admin.id, ...tally });
    });
    this.logger.log({ erasureId: out.id, actorId: admin.id, registrations: out.registrations }, 'erased on request');
    return toResponse(out, false);
  }

  /**
   * A guest, through the manage link (or the account that made it): this registration's personal
   * data, cancelled first if active. The link stops working.
   */
  async eraseRegistration(id: string, viewer: { caller?: Caller; manageToken?: string }): Promise<ErasureResponse> {
    const { registration: r, via } = await this.registrations.visible(id, viewer);
    if (via === 'staff') {
      throw new ForbiddenError('Only the family erases its registration; an admin erases on request by email');
    }
    const out = await this.repo.transaction(async (m) => {
      const found = await this.repo.registration(m, r.id);
      const tally = await this.eraseRegistrations(m, found ? [found] : [], { email: null });
      return this.repo.record(m, { subject: 'registration', subjectId: r.id, actorId: null, ...tally });
    });
    this.logger.log({ erasureId: out.id, registrationId: r.id, cancelled: out.cancelled }, 'registration erased');
    return toResponse(out, false);
  }

  async log(q: PageQuery): Promise<Page<ErasureRecordResponse>> {
    const [rows, total] = await this.repo.page(offsetOf(q), q.limit);
    return pageOf(
      rows.map((e) => ({
        id: e.id,
        subject: e.subject,
        subjectId: e.subjectId,
        actorId: e.actorId,
        registrations: e.registrations,
        cancelled: e.cancelled,
        mails: e.mails,
        sponsorships: e.sponsorships,
        at: e.at.toISOString(),
      })),
      total,
      q,
    );
  }

  private async eraseAccount(userId: string, actorId: string | null, alsoEmail?: string): Promise<ErasureResponse> {
    const out = await this.repo.transaction(async (m) => {
      const user = await this.repo.lockUser(m, userId);
      if (!user) throw new ConflictError('invalid_transition', 'The account was erased already');
      if (await this.repo.createdByCount(m, user.id)) {
        throw new ConflictError(
          'invalid_transition',
          'This account created events, programs or students that others rely on; an admin must hand them over first',
        );
      }
      const regs = await this.repo.registrationsOfUser(m, user.id);
      if (alsoEmail) regs.push(...(await this.repo.guestRegistrationsOfEmail(m, alsoEmail)));
      const tally = await this.eraseRegistrations(m, regs, { email: user.email });
      const sponsorships = await this.repo.sponsorshipsOf(m, user.id);
      for (const s of sponsorships) {
        if (s.status === 'active') await this.sponsorships.endIn(m, s, null, 'sponsor_erased');
      }
      await this.repo.anonymizeSponsorships(
        m,
        sponsorships.map((s) => s.id),
        user,
      );
      tally.sponsorships = sponsorships.length;
      await this.repo.blankOrganizerName(m, user.name);
      await this.repo.purgeIdempotencyKeys(m, user.id);
      await this.repo.deleteUser(m, user.id);
      return this.repo.record(m, { subject: 'account', subjectId: user.id, actorId, ...tally });
    });
    this.logger.log(
      { erasureId: out.id, userId, actorId, registrations: out.registrations, cancelled: out.cancelled },
      'account erased',
    );
    return toResponse(out, true);
  }

  /**
   * Cancels the active registrations of events that have not ended (events locked in id order, as
   * `registrationsOf*` sorts them), then scrubs them all and purges their mail and the person's.
   */
  private async eraseRegistrations(
    m: EntityManager,
    regs: ErasableRegistration[],
    who: { email: string | null },
  ): Promise<Tally> {
    let cancelled = 0;
    regs.sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
    for (const r of regs) {
      if (r.upcoming && r.status !== 'cancelled' && (await this.registrations.cancelIn(m, r))) cancelled++;
    }
    const ids = regs.map((r) => r.id);
    // The mail first: the cancellation just written (and anything queued for them) is never sent.
    const mails = await this.repo.purgeMail(m, { email: who.email, registrations: regs });
    await this.repo.scrubRegistrations(m, ids);
    return { registrations: ids.length, cancelled, mails, sponsorships: 0 };
  }
}

function toResponse(e: Erasure, account: boolean): ErasureResponse {
  return {
    id: e.id,
    subject: e.subject,
    account,
    registrations: e.registrations,
    cancelled: e.cancelled,
    mails: e.mails,
    sponsorships: e.sponsorships,
    at: e.at.toISOString(),
  };
}
