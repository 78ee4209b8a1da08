import { AttendeeResponse, RegistrationResponse } from './dto/registration.dto';
import { Attendee, Registration } from './registration.entity';

export function toAttendeeResponse(a: Attendee): AttendeeResponse {
  return {
    id: a.id,
    name: a.name,
    category: a.category,
    birthDate: a.birthDate,
    memberId: a.memberId,
    checkedInAt: a.checkedInAt ? a.checkedInAt.toISOString() : null,
  };
}

/** `waitlistPosition` is live (computed by the caller); `manageToken` only for guests who may hold it. */
export function toRegistrationResponse(
  r: Registration,
  attendees: Attendee[],
  waitlistPosition: number | null,
  manageToken?: string,
): RegistrationResponse {
  const res: RegistrationResponse = {
    id: r.id,
    code: r.code,
    status: r.status,
    waitlistPosition: r.status === 'waitlisted' ? waitlistPosition : null,
    partySize: r.partySize,
    attendees: attendees.map(toAttendeeResponse),
    contact: { name: r.contactName, email: r.contactEmail, phone: r.contactPhone },
    eventId: r.eventId,
    answers: r.answers,
    consents: r.consents,
    locale: r.locale,
    createdAt: r.createdAt.toISOString(),
    cancelledAt: r.cancelledAt ? r.cancelledAt.toISOString() : null,
  };
  if (manageToken) res.manageToken = manageToken;
  return res;
}
