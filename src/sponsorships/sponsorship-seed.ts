import { EntityManager } from 'typeorm';
import { addMonths } from './money';
import { Payment, ProgressReport, Sponsorship } from './sponsorship.entity';
import { Student, StudentConsent } from './student.entity';

const STUDENTS = [
  {
    fullName: 'Asha Kumari Tamang',
    preferredName: 'Asha',
    birthDate: '2011-04-02',
    region: 'Kavrepalanchok',
    schoolName: 'Shree Janata Secondary School',
    schoolTown: 'Dhulikhel',
    gradeLevel: 'Grade 8',
    guardianName: 'Sita Tamang',
    guardianRelationship: 'mother',
    guardianPhone: '+977 981 234 5678',
  },
  {
    fullName: 'Pooja Shrestha',
    preferredName: 'Pooja',
    birthDate: '2010-09-14',
    region: 'Sindhupalchok',
    schoolName: 'Bhimeshwor Secondary School',
    schoolTown: 'Chautara',
    gradeLevel: 'Grade 9',
    guardianName: 'Ram Shrestha',
    guardianRelationship: 'father',
    guardianPhone: '+977 980 111 2233',
  },
  {
    fullName: 'Mina Gurung',
    preferredName: 'Mina',
    birthDate: '2012-01-20',
    region: 'Gorkha',
    schoolName: 'Gorkha Model School',
    schoolTown: 'Gorkha Bazaar',
    gradeLevel: 'Grade 7',
    guardianName: 'Kamala Gurung',
    guardianRelationship: 'grandmother',
    guardianPhone: '+977 984 555 0101',
  },
];

/**
 * Demo rows for the sponsorship program: three students with consents, Asha sponsored by the demo
 * sponsor (a payment and a published report), the others waiting. Idempotent: students are found by
 * program and full name, and nothing is added twice. Answers how many rows it added.
 */
export async function seedSponsorship(
  m: EntityManager,
  programId: string,
  organizerId: string,
  sponsorId: string,
  now: Date,
): Promise<number> {
  let added = 0;
  const today = now.toISOString().slice(0, 10);
  const students: Student[] = [];
  for (const s of STUDENTS) {
    let st = await m.getRepository(Student).findOneBy({ programId, fullName: s.fullName });
    if (!st) {
      st = await m.getRepository(Student).save(
        m.getRepository(Student).create({
          ...s,
          programId,
          country: 'Nepal',
          annualNeedAmount: 36000,
          annualNeedCurrency: 'USD',
          status: 'waiting',
          waitingSince: new Date(now.getTime() - (students.length + 1) * 9 * 86_400_000),
          createdBy: organizerId,
        }),
      );
      for (const purpose of ['share_progress', 'photos'] as const) {
        await m.getRepository(StudentConsent).insert({
          studentId: st.id,
          purpose,
          grantedBy: `${s.guardianName} (${s.guardianRelationship})`,
          grantedAt: new Date(`${addMonths(today, -6)}T00:00:00Z`),
          recordedBy: organizerId,
        });
      }
      added += 3;
    }
    students.push(st);
  }

  const asha = students[0];
  if (!(await m.getRepository(Sponsorship).existsBy({ studentId: asha.id, sponsorUserId: sponsorId }))) {
    const s = await m.getRepository(Sponsorship).save(
      m.getRepository(Sponsorship).create({
        studentId: asha.id,
        programId,
        sponsorUserId: sponsorId,
        amount: 3000,
        currency: 'USD',
        period: 'month',
        startDate: addMonths(today, -2),
        status: 'active',
        createdBy: organizerId,
      }),
    );
    await m.getRepository(Payment).insert({
      sponsorshipId: s.id,
      amount: 6000,
      currency: 'USD',
      receivedOn: addMonths(today, -2),
      method: 'bank_transfer',
      reference: 'DEMO-0001',
      recordedBy: organizerId,
    });
    await m.getRepository(Student).update(asha.id, { status: 'sponsored', sponsoredAt: now });
    added += 3;
  }
  if (!(await m.getRepository(ProgressReport).existsBy({ studentId: asha.id }))) {
    await m.getRepository(ProgressReport).insert({
      studentId: asha.id,
      term: 'Term 1',
      gradeLevel: 'Grade 8',
      subjects: [
        { name: 'Mathematics', grade: 'A' },
        { name: 'English', grade: 'B+' },
        { name: 'Science', grade: 'A-' },
      ],
      attendanceRate: 0.97,
      promoted: true,
      summary: 'Asha enjoys science and helps younger pupils with reading.',
      publishedAt: now,
      createdBy: organizerId,
    });
    added += 1;
  }
  return added;
}
