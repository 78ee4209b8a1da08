import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * A raw row (from `INSERT/UPDATE ... RETURNING`) as an entity, converted the way TypeORM converts
 * the rows it loads itself. Saves the extra SELECT after a write.
 */
export function hydrate<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  raw: Record<string, unknown>,
): T {
  const meta = m.connection.getMetadata(entity);
  const obj = meta.create() as T;
  for (const col of meta.columns) {
    if (col.databaseName in raw)
      col.setEntityValue(obj, m.connection.driver.prepareHydratedValue(raw[col.databaseName], col));
  }
  return obj;
}
