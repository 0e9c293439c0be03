//! A few read-only connections to the store, shared by the request handlers. SQLite
//! connections are not shared between threads at once: each request borrows one on a
//! blocking thread and gives it back.

use std::path::PathBuf;
use std::sync::Mutex;

use dyad_store::SqliteStore;

/// The most idle connections kept.
const MAX_IDLE: usize = 8;

/// Read-only connections to one store.
#[derive(Debug)]
pub(crate) struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<SqliteStore>>,
}

impl Pool {
    /// A pool over the store at `path`, holding `first`, already open.
    pub(crate) fn new(path: PathBuf, first: SqliteStore) -> Pool {
        Pool {
            path,
            idle: Mutex::new(vec![first]),
        }
    }

    /// Runs `f` with a connection: an idle one, or a new one.
    pub(crate) fn with<T>(
        &self,
        f: impl FnOnce(&SqliteStore) -> T,
    ) -> Result<T, dyad_store::Error> {
        let idle = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let store = match idle {
            Some(store) => store,
            None => SqliteStore::open_read_only(&self.path)?,
        };
        let result = f(&store);
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < MAX_IDLE {
            idle.push(store);
        }
        Ok(result)
    }
}
