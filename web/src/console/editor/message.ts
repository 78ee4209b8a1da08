/** An organizer's message to every family, and the server's rules for it (SendMessageDto). */
export interface Message {
  subject: string;
  body: string;
}

export const MESSAGE_LIMITS = { subject: 200, body: 10000 } as const;

export interface MessageProblem {
  field: keyof Message;
  rule: 'required' | 'too_long';
  max?: number;
}

/** What the server would refuse, checked as the organizer types (blank after trimming is empty). */
export function messageProblems(m: Message): MessageProblem[] {
  const out: MessageProblem[] = [];
  for (const field of ['subject', 'body'] as const) {
    const value = m[field].trim();
    if (!value) out.push({ field, rule: 'required' });
    else if (value.length > MESSAGE_LIMITS[field]) out.push({ field, rule: 'too_long', max: MESSAGE_LIMITS[field] });
  }
  return out;
}
