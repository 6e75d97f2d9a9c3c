import { addRxPlugin, createRxDatabase, type RxCollectionCreator } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageSQLite } from '../storage';
import { collections } from './schemas';
import type { FrontdeskDatabase } from './docs';

addRxPlugin(RxDBMigrationSchemaPlugin);

/**
 * Opens the station's database in its data folder. One per process: open-source RxDB allows
 * 13 collections per process (COL23 beyond) and a station has 12, so a second station needs its
 * own process. Migration is explicit (autoMigrate: false) because a failing automatic
 * migration makes addCollections() hang instead of failing.
 */
export async function openDatabase(dataDir: string): Promise<FrontdeskDatabase> {
  const db = await createRxDatabase<FrontdeskDatabase['collections']>({
    name: 'frontdesk',
    storage: getRxStorageSQLite({ directory: dataDir }),
    multiInstance: false,
    eventReduce: true,
    closeDuplicates: false,
  });
  const creators: Record<string, RxCollectionCreator> = {};
  for (const [name, schema] of Object.entries(collections)) creators[name] = { schema, autoMigrate: false };
  await db.addCollections(creators);
  for (const collection of Object.values(db.collections)) {
    if (await collection.migrationNeeded()) await collection.getMigrationState().migratePromise(10);
  }
  return db as FrontdeskDatabase;
}
