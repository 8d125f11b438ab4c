/**
 * TypeORM (postgres driver, pg) against pgsqlite: two entities (EntitySchema, no decorators) with a
 * many-to-one / one-to-many relation, `synchronize: true` (TypeORM reads information_schema and
 * pg_catalog, then creates what is missing), repository CRUD, relations loaded by join, the query
 * builder with parameters, and a transaction.
 * Run by test/integration/orm-typeorm.test.ts; output format in scenario-runner.ts.
 */
import { DataSource, EntitySchema, MoreThan } from 'typeorm';
import { assert, runScenarios, server } from './scenario-runner.js';

interface Owner { id: number; name: string; email: string | null; pets?: Pet[] }
interface Pet { id: number; name: string; age: number; adopted: boolean; owner?: Owner }

/** The entities; without foreign keys the relation is kept by TypeORM only (createForeignKeyConstraints: false). */
const entities = (foreignKeys: boolean) => [new EntitySchema<Owner>({
  name: 'Owner', tableName: 'to_owner',
  columns: {
    id: { type: 'int', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 80 },
    email: { type: 'text', nullable: true, unique: true },
  },
  relations: { pets: { type: 'one-to-many', target: 'Pet', inverseSide: 'owner' } },
}), new EntitySchema<Pet>({
  name: 'Pet', tableName: 'to_pet',
  columns: {
    id: { type: 'int', primary: true, generated: 'increment' },
    name: { type: 'text' },
    age: { type: 'int', default: 0 },
    adopted: { type: 'boolean', default: false },
  },
  relations: {
    owner: { type: 'many-to-one', target: 'Owner', inverseSide: 'pets', joinColumn: { name: 'owner_id' }, onDelete: 'CASCADE', createForeignKeyConstraints: foreignKeys },
  },
})] as const;

const options = { type: 'postgres', host: server.host, port: server.port, username: server.user, database: server.database, logging: false } as const;
const [OwnerEntity, PetEntity] = entities(false);
const dataSource = new DataSource({ ...options, entities: [OwnerEntity, PetEntity] });

await runScenarios({
  async connect() {
    await dataSource.initialize();
    const [{ one }] = await dataSource.query('SELECT $1::int AS one', [1]);
    assert.equal(one, 1);
  },
  async 'synchronize-foreign-key'() {
    // The relation as a foreign key: synchronize runs in one transaction, so a failure leaves nothing behind.
    const withForeignKeys = new DataSource({ ...options, entities: [...entities(true)] });
    await withForeignKeys.initialize();
    try {
      await withForeignKeys.synchronize();
      const fks = await withForeignKeys.query("SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid = 'to_pet'::regclass");
      assert.equal(fks.length, 1);
      await withForeignKeys.query('DROP TABLE to_pet; DROP TABLE to_owner');
    } finally {
      await withForeignKeys.destroy();
    }
  },
  async synchronize() {
    await dataSource.synchronize();
    const tables = await dataSource.query("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'to\\_%' ORDER BY 1");
    assert.deepEqual(tables.map((t: { table_name: string }) => t.table_name), ['to_owner', 'to_pet']);
  },
  async 'synchronize-again'() {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    assert.deepEqual(pending.upQueries.map((q) => q.query), [], 'a second synchronize has nothing to do');
  },
  async crud() {
    const owners = dataSource.getRepository(OwnerEntity);
    const pets = dataSource.getRepository(PetEntity);
    const ada = await owners.save({ name: 'Ada', email: 'ada@example.com' });
    assert.equal(typeof ada.id, 'number');
    await pets.save([{ name: 'Rex', age: 3, owner: ada }, { name: 'Tom', age: 7, owner: ada }]);
    const older = await pets.find({ where: { age: MoreThan(5) }, select: { name: true, age: true } });
    assert.deepEqual(older.map((p) => [p.name, p.age]), [['Tom', 7]]);
    await pets.update({ name: 'Rex' }, { adopted: true });
    const rex = await pets.findOneByOrFail({ name: 'Rex' });
    assert.equal(rex.adopted, true);
    const count = await pets.countBy({ adopted: false });
    assert.equal(count, 1);
    await pets.delete({ name: 'Tom' });
    assert.equal(await pets.count(), 1);
  },
  async relations() {
    const owners = dataSource.getRepository(OwnerEntity);
    const ada = await owners.findOneOrFail({ where: { name: 'Ada' }, relations: { pets: true } });
    assert.deepEqual(ada.pets?.map((p) => p.name), ['Rex']);
    const pet = await dataSource.getRepository(PetEntity).findOneOrFail({ where: { name: 'Rex' }, relations: { owner: true } });
    assert.equal(pet.owner?.name, 'Ada');
    const rows = await dataSource.getRepository(PetEntity).createQueryBuilder('p').innerJoin('p.owner', 'o')
      .select(['p.name AS pet', 'o.name AS owner']).where('o.email = :email', { email: 'ada@example.com' }).getRawMany();
    assert.deepEqual(rows, [{ pet: 'Rex', owner: 'Ada' }]);
  },
  async transaction() {
    await dataSource.transaction(async (manager) => {
      const grace = await manager.save(OwnerEntity, { name: 'Grace', email: null });
      await manager.save(PetEntity, { name: 'Bug', age: 1, owner: grace });
    });
    await assert.rejects(dataSource.transaction(async (manager) => {
      await manager.save(OwnerEntity, { name: 'Gone', email: null });
      await manager.save(OwnerEntity, { name: 'Dup', email: 'ada@example.com' });
    }), (err: { code?: string; driverError?: { code?: string } }) => (err.driverError?.code ?? err.code) === '23505');
    const names = (await dataSource.getRepository(OwnerEntity).find({ order: { id: 'ASC' } })).map((o) => o.name);
    assert.deepEqual(names, ['Ada', 'Grace']);
  },
}, async () => {
  if (dataSource.isInitialized) await dataSource.destroy();
});
