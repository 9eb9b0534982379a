// Command ferretdb runs FerretDB 1.x (a MongoDB-wire-compatible server) on
// SQLite so that tests and CI can talk to a real MongoDB-wire server on
// machines where no MongoDB binary can be installed or downloaded.
//
// FerretDB is embedded through its public package instead of built with
// `go install .../cmd/ferretdb`: when FerretDB itself is the main module it
// panics at start for lack of a generated build/version/version.txt
// (FerretDB issue #2982). With this module as the main module that check is
// skipped.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	data := flag.String("data", "", "directory for the SQLite databases (created if missing)")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn or error")
	flag.Parse()

	if *data == "" {
		fatalf("-data is required")
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fatalf("invalid -log-level %q: %v", *logLevel, err)
	}
	// Logs go to stderr so that stdout carries only the readiness line,
	// which scripts may parse.
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	// FerretDB does not create the directory itself and wants a "file:" URI
	// ending with "/" (one SQLite file per database inside it). The path is
	// made absolute so the URI does not depend on the caller's cwd.
	dir, err := filepath.Abs(*data)
	if err != nil {
		fatalf("resolve -data: %v", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fatalf("create -data directory: %v", err)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
		Logger:    logger,
	})
	if err != nil {
		// New already binds the port, so "address already in use" ends up here.
		fatalf("start FerretDB: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// Announce readiness by dialing the port ourselves: MongoDBURI() can
	// deadlock if called before Run has started, and the URI is just the address.
	go func() {
		for ctx.Err() == nil {
			if c, err := net.DialTimeout("tcp", *listen, time.Second); err == nil {
				c.Close()
				fmt.Printf("ferretdb listening on mongodb://%s/\n", *listen)
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	}()

	// Run returns once ctx is cancelled (SIGINT/SIGTERM), after closing the
	// listener and the SQLite backend, so a signal gives a clean exit 0.
	if err := f.Run(ctx); err != nil {
		fatalf("run FerretDB: %v", err)
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "ferretdb: "+format+"\n", args...)
	os.Exit(1)
}
