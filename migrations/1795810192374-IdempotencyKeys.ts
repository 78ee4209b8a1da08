import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeys1795810192374 implements MigrationInterface {
  name = 'IdempotencyKeys1795810192374';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("scope" character varying(300) NOT NULL, "key" character varying(200) NOT NULL, "request_hash" character varying(64) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'in_flight', "attempt_id" uuid NOT NULL, "locked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "response_status" integer, "response" bytea, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "idempotency_keys_status_check" CHECK (status IN ('in_flight', 'done')), CONSTRAINT "PK_15de2f76fa9f27ad8f330983607" PRIMARY KEY ("scope", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys"  ("expires_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idempotency_keys_expires_idx"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
