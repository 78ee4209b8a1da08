import { isUuid } from '../common/ids';
import type { FieldError } from '../common/errors';
import type { Role } from '../users/user.entity';

/** Who may be named a co-organizer (of a program or an event): a user with the organizer role; admins pass every role check. */
export function canOrganize(roles: Role[]): boolean {
  return roles.includes('organizer') || roles.includes('admin');
}

/**
 * One error per userIds entry that is not a uuid, names no user, or names a user who may not
 * organize, each under its own field (`userIds[2]`).
 */
export function organizerIdErrors(userIds: string[], found: { id: string; roles: Role[] }[]): FieldError[] {
  const byId = new Map(found.map((u) => [u.id, u]));
  const errors: FieldError[] = [];
  userIds.forEach((id, i) => {
    const field = `userIds[${i}]`;
    if (!isUuid(id)) errors.push({ field, message: `${field} must be a uuid` });
    else if (!byId.has(id.toLowerCase())) errors.push({ field, message: `${field} names no user` });
    else if (!canOrganize(byId.get(id.toLowerCase())!.roles)) {
      errors.push({ field, message: `${field} names a user without the organizer role` });
    }
  });
  return errors;
}

/** An organizer set is its creator first, then the co-organizers (without repeating the creator). */
export function organizerIdsOf(createdBy: string, coOrganizerIds: string[]): string[] {
  return [createdBy, ...coOrganizerIds.filter((id) => id !== createdBy)];
}
