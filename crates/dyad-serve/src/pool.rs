//! A few read-only connections to the store, shared by the request handlers. A connection
//! is not used by two threads at once: each request borrows one on a blocking thread and
//! gives it back.

use std::sync::Mutex;

use dyad_store::Store;

/// The most idle connections kept.
const MAX_IDLE: usize = 8;

/// Read-only connections to one store (an SQLite file or a PostgreSQL URL).
pub(crate) struct Pool {
    location: String,
    idle: Mutex<Vec<Box<dyn Store + Send>>>,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("location", &dyad_store::redact_url(&self.location))
            .finish_non_exhaustive()
    }
}

impl Pool {
    /// A pool over the store at `location`, holding `first`, already open.
    pub(crate) fn new(location: String, first: Box<dyn Store + Send>) -> Pool {
        Pool {
            location,
            idle: Mutex::new(vec![first]),
        }
    }

    /// Runs `f` with a connection: an idle one, or a new one.
    pub(crate) fn with<T>(&self, f: impl FnOnce(&dyn Store) -> T) -> Result<T, dyad_store::Error> {
        let idle = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let store = match idle {
            Some(store) => store,
            None => dyad_store::open_read_only(&self.location)?,
        };
        let result = f(&*store);
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < MAX_IDLE {
            idle.push(store);
        }
        Ok(result)
    }
}
