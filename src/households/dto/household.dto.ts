import { PageSchema } from '../../common/pagination';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate, OptionalNotNull, trim } from '../../common/validators';
import { Relationship, RELATIONSHIPS } from '../household-member.entity';

export class CreateMemberDto {
  @ApiProperty({ example: 'Lin Chen', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '2018-04-02', format: 'date' })
  @IsCalendarDate()
  birthDate: string;

  @ApiProperty({ enum: RELATIONSHIPS, example: 'child' })
  @IsIn(RELATIONSHIPS)
  relationship: Relationship;
}

export class UpdateMemberDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'date' })
  @OptionalNotNull()
  @IsCalendarDate()
  birthDate?: string;

  @ApiPropertyOptional({ enum: RELATIONSHIPS })
  @OptionalNotNull()
  @IsIn(RELATIONSHIPS)
  relationship?: Relationship;
}

export class MemberResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ format: 'date' })
  birthDate: string;
  @ApiProperty({ enum: RELATIONSHIPS })
  relationship: Relationship;
  @ApiProperty({ enum: ['adult', 'child'], description: 'child while under 18 today (UTC)' })
  category: 'adult' | 'child';
  @ApiProperty()
  createdAt: string;
  @ApiProperty()
  updatedAt: string;
}

export const MemberPage = PageSchema(MemberResponse);
