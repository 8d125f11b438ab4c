/*
 * pgsqlite_interrupt: lets the main thread stop a statement that another thread is running.
 *
 * better-sqlite3 does not expose sqlite3_interrupt(), its SQLite is built without a progress
 * handler, and a worker thread cannot be terminated while it is inside SQLite. So this one
 * shared object is two things at once:
 *   - a SQLite loadable extension: each connection that loads it (db.loadExtension) gets a
 *     slot in a process-wide table holding its sqlite3* handle, and a SQL function
 *     pgsqlite_interrupt_handle() that returns the slot's id;
 *   - a Node-API addon: interrupt(id) calls sqlite3_interrupt() on that slot's connection,
 *     which SQLite documents as safe from any thread.
 * Both loads dlopen() the same path, so they share the table. A slot is released by the
 * function's destructor, which SQLite calls when the connection closes; the mutex makes
 * interrupt() and close exclude each other, so a closed handle is never touched.
 * Ids carry a generation so a stale id never reaches a recycled slot.
 *
 * The extension also gives each connection what exact numeric columns need in C, so sorting,
 * comparing, checking and summing them never calls into JavaScript (numeric_collation.h,
 * numeric_sum.h).
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
#include <node_api.h>
#include <pthread.h>
#include <stdlib.h>
#include "numeric_collation.h"
#include "numeric_sum.h"

#define SLOT_BITS 12
#define SLOT_COUNT (1 << SLOT_BITS)

typedef struct {
  sqlite3 *db;
  unsigned int generation;
} Slot;

static Slot slots[SLOT_COUNT];
static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;

typedef struct {
  int index;
  long long id;
} SlotRef;

static void handle_function(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  SlotRef *ref = (SlotRef *)sqlite3_user_data(ctx);
  sqlite3_result_int64(ctx, ref->id);
}

static void release_slot(void *p) {
  SlotRef *ref = (SlotRef *)p;
  pthread_mutex_lock(&slots_lock);
  slots[ref->index].db = NULL;
  slots[ref->index].generation++;
  pthread_mutex_unlock(&slots_lock);
  free(ref);
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_pgsqliteinterrupt_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
  SQLITE_EXTENSION_INIT2(pApi)
  SlotRef *ref = malloc(sizeof(SlotRef));
  if (ref == NULL) return SQLITE_NOMEM;
  int found = -1;
  pthread_mutex_lock(&slots_lock);
  for (int i = 0; i < SLOT_COUNT; i++) {
    if (slots[i].db == NULL) {
      slots[i].db = db;
      found = i;
      break;
    }
  }
  unsigned int generation = found >= 0 ? slots[found].generation : 0;
  pthread_mutex_unlock(&slots_lock);
  if (found < 0) {
    free(ref);
    if (pzErrMsg) *pzErrMsg = sqlite3_mprintf("pgsqlite_interrupt: all %d slots in use", SLOT_COUNT);
    return SQLITE_ERROR;
  }
  ref->index = found;
  ref->id = ((long long)generation << SLOT_BITS) | found;
  int rc = sqlite3_create_function_v2(db, "pgsqlite_interrupt_handle", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                      ref, handle_function, NULL, NULL, release_slot);
  /* On failure SQLite has already called release_slot. */
  if (rc != SQLITE_OK) return rc;
  rc = register_numeric_collation(db);
  if (rc != SQLITE_OK) return rc;
  return register_numeric_sum(db);
}

/*
 * The connection of a live slot id, or NULL. For row_stream.c, which runs on the thread that owns
 * the connection (so it cannot close while in use there); the lock only guards the table.
 */
sqlite3 *pgsqlite_connection_of_slot(long long id) {
  int index = (int)(id & (SLOT_COUNT - 1));
  unsigned int generation = (unsigned int)(id >> SLOT_BITS);
  sqlite3 *db = NULL;
  pthread_mutex_lock(&slots_lock);
  if (id >= 0 && slots[index].generation == generation) db = slots[index].db;
  pthread_mutex_unlock(&slots_lock);
  return db;
}

void register_row_stream(napi_env env, napi_value exports);

static napi_value interrupt_connection(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  double raw = -1;
  if (argc < 1 || napi_get_value_double(env, argv[0], &raw) != napi_ok || raw < 0) {
    napi_throw_type_error(env, NULL, "interrupt(id) takes a slot id");
    return NULL;
  }
  long long id = (long long)raw;
  int index = (int)(id & (SLOT_COUNT - 1));
  unsigned int generation = (unsigned int)(id >> SLOT_BITS);
  int done = 0;
  pthread_mutex_lock(&slots_lock);
  if (slots[index].db != NULL && slots[index].generation == generation && sqlite3_api != NULL) {
    sqlite3_interrupt(slots[index].db);
    done = 1;
  }
  pthread_mutex_unlock(&slots_lock);
  napi_value result;
  napi_get_boolean(env, done, &result);
  return result;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "interrupt", NAPI_AUTO_LENGTH, interrupt_connection, NULL, &fn);
  napi_set_named_property(env, exports, "interrupt", fn);
  /* Rows straight to wire bytes (row_stream.c). */
  register_row_stream(env, exports);
  return exports;
}
