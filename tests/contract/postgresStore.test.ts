import { openPostgresStore } from '../../server/storage/postgresStore'
import { freshPostgresDatabase } from '../support/postgres'
import { storeContract } from './storeContract'

storeContract('PostgreSQL', async () => openPostgresStore(await freshPostgresDatabase()))
