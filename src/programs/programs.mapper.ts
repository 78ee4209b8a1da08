import { OrganizerRef, ProgramResponse } from './dto/programs.dto';
import { Program } from './program.entity';

/** `organizers` is given only to the program's organizers and admins; others see the public fields. */
export function toProgramResponse(p: Program, organizers?: OrganizerRef[]): ProgramResponse {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    description: p.description,
    kind: p.kind,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    ...(organizers ? { organizers: organizers.map((o) => ({ id: o.id, name: o.name })) } : {}),
  };
}
