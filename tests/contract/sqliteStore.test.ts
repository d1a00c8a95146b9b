import { openSqliteStore } from '../../server/storage/sqliteStore'
import { tempDataDir } from '../support/serverProcess'
import { storeContract } from './storeContract'

storeContract('SQLite', async () => openSqliteStore(tempDataDir()))
