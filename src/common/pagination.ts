import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?page=&limit=`: page starts at 1, limit 1–100 (20 by default). */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

export function pageOf<T>(items: T[], total: number, q: PageQuery): Page<T> {
  return { items, total, page: q.page, limit: q.limit };
}

export function offsetOf(q: PageQuery): number {
  return (q.page - 1) * q.limit;
}

/** The OpenAPI schema of `{ items, total, page, limit }` for one item type (one class per type). */
export function PageSchema<T>(item: ClassType<T>): ClassType<Page<T>> {
  class PageOf implements Page<T> {
    @ApiProperty({ type: [item] })
    items: T[];
    @ApiProperty()
    total: number;
    @ApiProperty()
    page: number;
    @ApiProperty()
    limit: number;
  }
  Object.defineProperty(PageOf, 'name', { value: `${item.name.replace(/Response$/, '')}Page` });
  return PageOf;
}
