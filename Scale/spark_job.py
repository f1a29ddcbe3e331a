#!/usr/bin/env python3
"""Runs the rules of `toets sql --dialect spark` on Apache Spark, over the tables of a population.

    spark-submit Scale/spark_job.py --tables DIR --query regels.sql --schema tabellen.sql --output DIR
    python3 Scale/spark_job.py ...            (with PyPI's pyspark: a local Spark, local[*])

--tables holds `huishoudens` and `personen`, each as one CSV file with a header, a directory of CSV
part files, or Parquet (file or directory): `toets simulate --tables` writes them, a data platform
may hold the same columns. The parts of `toets simulate --partition I/N` (huishoudens/deel-3-van-8.parquet)
are read together once all N are there, of one division (each table may be CSV or Parquet). --schema is the output of `toets sql --tables --dialect spark`: the column
types, so nothing is inferred. The query's result — per household every output in euros and its
reason — is written to OUTPUT/uitkomsten (CSV part files, or Parquet with --format parquet), and the
summary Spark computes to OUTPUT/samenvatting.json: per output the households with an amount above
zero, the total, and the undecided households; all amounts as exact decimal strings.

Nothing here depends on the machine: the same command runs on a cluster with spark-submit
(--master yarn / k8s://… / spark://…), or as a Databricks job with the three files on DBFS.
"""
import argparse
import json
import os
import re
import sys
import time


def table_schemas(ddl_text):
    """The Spark DDL of each CREATE TABLE statement: {'huishoudens': 'huishouden BIGINT, ...'}."""
    schemas = {}
    for name, body in re.findall(r"CREATE TABLE (\w+) \((.*?)\);", ddl_text, re.S):
        columns = [line.strip().rstrip(",") for line in body.strip().splitlines() if line.strip()]
        # Read amounts wider than they are stored: Spark's CSV reader would round 12.345 into
        # DECIMAL(18,2); read as it is, the query's whole-cents test refuses it.
        columns = [c.replace("DECIMAL(18,2)", "DECIMAL(38,10)") for c in columns]
        schemas[name] = ", ".join(columns)
    for needed in ("huishoudens", "personen"):
        if needed not in schemas:
            sys.exit(f"spark_job: de schema's missen de tabel {needed}; gebruik toets sql --tables --dialect spark")
    return schemas


class LocalFiles:
    """The local file system: checked before Spark starts."""

    exists = staticmethod(os.path.exists)
    isdir = staticmethod(os.path.isdir)
    listdir = staticmethod(os.listdir)

    @staticmethod
    def read_first_line(path):
        with open(path, encoding="utf-8") as f:
            return f.readline().rstrip("\n")

    @staticmethod
    def write_text(path, text):
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        partial = path + ".tmp"
        with open(partial, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(partial, path)


class HadoopFiles:
    """Paths with a scheme (hdfs://, s3a://, abfss://, dbfs:/, file:/) through Hadoop's FileSystem, as Spark
    itself reads them: on a cluster the driver's own disk is not where the data is."""

    def __init__(self, spark):
        self.jvm = spark._jvm
        self.path = spark._jvm.org.apache.hadoop.fs.Path
        self.conf = spark._jsc.hadoopConfiguration()

    def _fs(self, p):
        return self.path(p).getFileSystem(self.conf)

    def exists(self, p):
        return self._fs(p).exists(self.path(p))

    def isdir(self, p):
        return self.exists(p) and self._fs(p).getFileStatus(self.path(p)).isDirectory()

    def listdir(self, p):
        return [status.getPath().getName() for status in self._fs(p).listStatus(self.path(p))]

    def read_first_line(self, p):
        reader = self.jvm.java.io.BufferedReader(self.jvm.java.io.InputStreamReader(self._fs(p).open(self.path(p)), "UTF-8"))
        try:
            return reader.readLine() or ""
        finally:
            reader.close()

    def write_text(self, p, text):
        stream = self._fs(p).create(self.path(p), True)
        stream.write(bytearray(text.encode("utf-8")))
        stream.close()


def has_scheme(path):
    return re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", path) is not None


def reader(spark, files, source, schema):
    """A DataFrame for a table given as CSV or Parquet: one file, or the list of its parts."""
    paths = source if isinstance(source, list) else [source]
    if paths[0].endswith(".parquet") or (files.isdir(paths[0]) and any(f.endswith(".parquet") for f in files.listdir(paths[0]))):
        return spark.read.schema(schema).parquet(*paths)
    return spark.read.schema(schema).option("header", True).option("mode", "FAILFAST").csv(paths)


PART = re.compile(r"^deel-0*(\d+)-van-0*(\d+)\.(csv|parquet)$")


def parts(files, directory):
    """The parts of a table written by `toets simulate --partition` (deel-I-van-N.csv or .parquet),
    in order, after checking that all N are there, of one division and one format; (N, ext, paths).
    A directory without such names is passed on whole (Spark's own part files, a data platform's)."""
    names = sorted(n for n in files.listdir(directory) if not n.startswith((".", "_")))
    if not names:
        sys.exit(f"spark_job: {directory} is leeg; verwacht de delen van toets simulate --partition of de bestanden van een tabel")
    matches = [PART.match(n) for n in names]
    if not any(matches):
        return None
    strays = [n for n, m in zip(names, matches) if not m]
    if strays:
        sys.exit(f"spark_job: {directory}: {strays[0]} is geen deel van toets simulate --partition (verwacht deel-I-van-N.csv of .parquet)")
    divisions = {(int(m.group(2)), m.group(3)) for m in matches}
    if len(divisions) > 1:
        sys.exit(f"spark_job: {directory} mengt delen van verschillende indelingen of vormen: {sorted(divisions)}; verwijder die van een eerdere run")
    (count, ext), = divisions
    indices = {int(m.group(1)) for m in matches}
    if len(indices) < len(matches):
        sys.exit(f"spark_job: {directory} heeft een deel twee keer (met andere voorloopnullen?)")
    stray = sorted(i for i in indices if not 1 <= i <= count)
    if stray:
        sys.exit(f"spark_job: {directory}: deel {stray[0]} bestaat niet bij {count} delen")
    missing = [i for i in range(1, count + 1) if i not in indices]
    if missing:
        sys.exit(f"spark_job: {directory}: deel {', '.join(map(str, missing))} van {count} ontbreekt; de uitkomst zou over een deel van de bevolking gaan")
    ordered = sorted(zip(matches, names), key=lambda p: int(p[0].group(1)))
    return count, ext, [os.path.join(directory, n) for _, n in ordered]


def steps(query):
    """The named steps of the query of `toets sql` (its WITH list) and its final SELECT."""
    body = "\n".join(line for line in query.splitlines() if not line.startswith("--"))
    body = body.strip()
    if not body.startswith("WITH"):
        sys.exit("spark_job: dit is geen query van toets sql (geen WITH)")
    parts = re.split(r"^(\w+) AS \($", body[len("WITH"):], flags=re.M)
    if len(parts) < 3 or "\n)" not in parts[-1]:
        sys.exit("spark_job: de query is afgebroken of geen query van toets sql (geen stappen)")
    # parts: [before, name1, text1, name2, text2, ...]; the last text also holds the final SELECT.
    last = parts[-1]
    close = last.rindex("\n)")
    final = last[close + 2:].strip()
    parts[-1] = last[:close + 2]
    named = []
    for i in range(1, len(parts), 2):
        text = parts[i + 1].rstrip().rstrip(",").rstrip()
        if not text.endswith(")"):
            sys.exit(f"spark_job: stap {parts[i]} eindigt niet met een haakje; is dit een query van toets sql?")
        named.append((parts[i], text[:-1]))
    if not final.startswith("SELECT"):
        sys.exit("spark_job: de query is afgebroken: de laatste SELECT ontbreekt")
    return named, final


def checkpoint_interval():
    """TOETS_SPARK_STAPPEN: after how many steps the plan is cut (default 6)."""
    text = os.environ.get("TOETS_SPARK_STAPPEN", "6")
    if not text.isdigit() or not 1 <= int(text) <= 1000:
        sys.exit(f"spark_job: TOETS_SPARK_STAPPEN moet een geheel getal van 1 tot en met 1000 zijn, niet '{text}'")
    return int(text)


def run_in_steps(spark, named, final, every):
    """Runs the steps one by one as temporary views and cuts the plan every few steps.

    A query of a few hundred steps is one plan too deep for Spark's analyzer (it runs out of memory
    before it runs); computed step by step, with the lineage cut (localCheckpoint) every `every` steps,
    each plan stays small. The result is the same query. With TOETS_SPARK_TIJDEN=1 every step's time
    (analysis, and execution where the plan is cut) goes to stderr: where a query spends Spark's time.
    """
    timed = os.environ.get("TOETS_SPARK_TIJDEN", "") not in ("", "0")
    for i, (name, text) in enumerate(named):
        started = time.time()
        frame = spark.sql(text)
        analysed = time.time()
        if i % every == every - 1 or name == "uitkomsten":
            frame = frame.localCheckpoint(eager=True)
        frame.createOrReplaceTempView(name)
        if timed:
            print(f"spark_job: stap {i} {name}: analyse {analysed - started:.2f} s, uitvoering {time.time() - analysed:.2f} s",
                  file=sys.stderr, flush=True)
    return spark.sql(final)


def find(files, directory, name):
    """Where table `name` is: NAME.parquet, NAME.csv, or a directory NAME (of parts); exactly one."""
    found = [p for p in (os.path.join(directory, name + e) for e in (".parquet", ".csv", "")) if files.exists(p)]
    if not found:
        sys.exit(f"spark_job: geen {name}.csv, {name}.parquet of map {name} in {directory}")
    if len(found) > 1:
        sys.exit(f"spark_job: {directory} heeft {name} meer dan eens ({', '.join(found)}); laat er één over")
    if files.isdir(found[0]):
        divided = parts(files, found[0])
        if divided:
            return divided[:2], divided[2]
    return None, found[0]


def origins(files, directory):
    """The manifests of `toets simulate --partition` (delen/deel-I-van-N.txt) must name one population."""
    folder = os.path.join(directory, "delen")
    if not files.isdir(folder):
        return
    names = {files.read_first_line(os.path.join(folder, n)) for n in files.listdir(folder) if n.endswith(".txt")}
    if len(names) > 1:
        sys.exit(f"spark_job: de delen in {directory} komen uit verschillende bevolkingen ({'; '.join(sorted(names)[:2])}); "
                 "maak de map leeg en genereer alle delen opnieuw")


def sources(files, directory):
    """The sources of huishoudens and personen, with the check that parts are divided alike."""
    origins(files, directory)
    found = {name: find(files, directory, name) for name in ("huishoudens", "personen")}
    # Divided alike means the same number of parts; the formats may differ (one table kept as CSV,
    # the other as Parquet), since each table is read on its own.
    counts = {division[0] if division else None for division, _ in found.values()}
    if len(counts) > 1:
        def said(division):
            return f"{division[0]} {'deel' if division[0] == 1 else 'delen'}" if division else "één bestand"
        sys.exit(f"spark_job: huishoudens en personen zijn verschillend verdeeld: {said(found['huishoudens'][0])} tegen {said(found['personen'][0])}")
    return {name: source for name, (_, source) in found.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tables", required=True)
    parser.add_argument("--query", required=True)
    parser.add_argument("--schema", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--format", choices=["csv", "parquet"], default="csv")
    parser.add_argument("--master", default=None, help="alleen zonder spark-submit: standaard local[*]")
    args = parser.parse_args()

    # Everything that can be wrong with the input is said before Spark starts (which takes seconds).
    try:
        # A file that passed through Windows (CRLF) reads like the original.
        query = open(args.query, encoding="utf-8").read().replace("\r\n", "\n")
        schema_text = open(args.schema, encoding="utf-8").read().replace("\r\n", "\n")
    except OSError as error:
        sys.exit(f"spark_job: {error.filename}: {error.strerror}")
    schemas = table_schemas(schema_text)
    named, final = steps(query)
    # Tables on this machine's disk are checked now, before Spark starts; on a cluster a path without a
    # scheme means Hadoop's default file system (HDFS on YARN), so they are checked once Spark runs.
    local = (args.master or "local").startswith("local") and "SPARK_HOME" not in os.environ
    tables = sources(LocalFiles, args.tables) if local and not has_scheme(args.tables) else None
    every = checkpoint_interval()

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("toetssteen")
    if args.master or "SPARK_HOME" not in os.environ:
        builder = builder.master(args.master or "local[*]")
    # A query of a few hundred steps: keep the optimizer from inlining them into one expression tree.
    builder = builder.config("spark.driver.memory", os.environ.get("TOETS_SPARK_GEHEUGEN", "6g")).config("spark.sql.ansi.enabled", "true").config("spark.sql.optimizer.maxIterations", "1000").config("spark.sql.analyzer.maxIterations", "1000")
    # Every step is a query with a large plan; the UI keeps the plans of the last 1.000 queries by default,
    # which filled the driver's 6 GB at about 400 steps (java.lang.OutOfMemoryError: Java heap space).
    # A few are enough to follow a run.
    builder = builder.config("spark.sql.ui.retainedExecutions", "10").config("spark.ui.retainedJobs", "100").config("spark.ui.retainedStages", "100")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")

    hadoop = not spark.sparkContext.master.startswith("local")
    files = HadoopFiles(spark) if hadoop or has_scheme(args.tables) else LocalFiles
    if tables is None:
        tables = sources(files, args.tables)
    for name, path in tables.items():
        reader(spark, files, path, schemas[name]).createOrReplaceTempView(name)
    started = time.time()
    result = run_in_steps(spark, named, final, every)
    out = os.path.join(args.output, "uitkomsten")
    writer = result.write.mode("overwrite")
    (writer.parquet(out) if args.format == "parquet" else writer.option("header", True).csv(out))

    outputs = [c for c in result.columns if c != "huishouden" and not c.endswith("_reden")]
    aggregates = []
    for c in outputs:
        aggregates += [
            f"COUNT_IF({c} > 0) AS {c}__ontvangers",
            f"CAST(COALESCE(SUM({c}), 0) AS STRING) AS {c}__totaal",
            f"COUNT_IF({c}_reden IS NOT NULL) AS {c}__onbeslist",
        ]
    result.createOrReplaceTempView("uitkomsten")
    row = spark.sql("SELECT COUNT(*) AS huishoudens, " + ", ".join(aggregates) + " FROM uitkomsten").collect()[0].asDict()
    summary = {
        "huishoudens": row["huishoudens"],
        "seconden": round(time.time() - started, 2),
        "uitvoer": {c: {"ontvangers": row[f"{c}__ontvangers"], "totaal": row[f"{c}__totaal"], "zonder_bedrag": row[f"{c}__onbeslist"]} for c in outputs},
    }
    output_files = HadoopFiles(spark) if hadoop or has_scheme(args.output) else LocalFiles
    output_files.write_text(os.path.join(args.output, "samenvatting.json"), json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    print(f"spark_job: {summary['huishoudens']} huishoudens in {summary['seconden']} s; {out}")
    spark.stop()


if __name__ == "__main__":
    main()
