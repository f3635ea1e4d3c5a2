#!/usr/bin/python3
"""META.json against the PGXN Meta Spec 1.0.0 (https://pgxn.org/meta/spec.txt).

Debian has no validator of it (no package provides one), so this checks what
the spec requires of a distribution's metadata: the seven required keys, the
formats of each key it uses (terms, semantic versions, the license strings
PGXN knows, prereq phases and relations with version ranges, resources, the
release status), and no unknown key outside the x_ namespace.

    test/release/meta_spec.py META.json

Prints "ok - ..." or "not ok - ..." lines; exits 1 if any check failed.
"""
import json
import re
import sys

# Semantic Versioning 2.0.0, as the spec's schema writes it
SEMVER = (r'(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)'
          r'(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?'
          r'(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?')
VERSION_RANGE = re.compile(r'^(?:(?:[=!]=|[<>]=?)\s*)?(?:' + SEMVER + r'|0)'
                           r'(?:,\s*(?:(?:[=!]=|[<>]=?)\s*)?' + SEMVER + r')*$')
LICENSES = {'agpl_3', 'apache_1_1', 'apache_2_0', 'artistic_1', 'artistic_2', 'bsd',
            'freebsd', 'gfdl_1_2', 'gfdl_1_3', 'gpl_1', 'gpl_2', 'gpl_3', 'lgpl_2_1',
            'lgpl_3_0', 'mit', 'mozilla_1_0', 'mozilla_1_1', 'openssl', 'perl_5',
            'postgresql', 'qpl_1_0', 'ssleay', 'sun', 'zlib', 'open_source',
            'restricted', 'unrestricted', 'unknown'}
TOP_KEYS = {'name', 'version', 'abstract', 'maintainer', 'license', 'provides', 'meta-spec',
            'description', 'generated_by', 'tags', 'no_index', 'prereqs', 'release_status',
            'resources'}
REQUIRED = ['name', 'version', 'abstract', 'maintainer', 'license', 'provides', 'meta-spec']

errors = []


def err(where, what):
    errors.append(f'{where}: {what}')


def custom(key):
    return re.match(r'^[xX]_.', key) is not None


def nonempty_string(v):
    return isinstance(v, str) and len(v) >= 1


def term(v):
    # at least two characters, no slash, backslash, space or control character
    return isinstance(v, str) and re.fullmatch(r'[^/\\\s\x00-\x1f\x7f]{2,}', v) is not None


def semver(v):
    return isinstance(v, str) and re.fullmatch(SEMVER, v) is not None


def version_range(v):
    return v == 0 or (isinstance(v, str) and VERSION_RANGE.match(v) is not None)


def uri(v):
    return isinstance(v, str) and re.match(r'^[A-Za-z][A-Za-z0-9+.-]*:\S+$', v) is not None


def path(v):
    # a relative path in unix form
    return nonempty_string(v) and not v.startswith('/') and '\\' not in v


def only_keys(where, obj, allowed):
    for k in obj:
        if k not in allowed and not custom(k):
            err(where, f'unknown key {k!r}')


def check(meta):
    if not isinstance(meta, dict):
        err('META.json', 'not a JSON object')
        return
    for k in REQUIRED:
        if k not in meta:
            err('META.json', f'the required key {k!r} is missing')
    only_keys('META.json', meta, TOP_KEYS)
    if 'name' in meta and not term(meta['name']):
        err('name', f'{meta["name"]!r} is no term (2+ characters, no / \\ space or control)')
    if 'version' in meta and not semver(meta['version']):
        err('version', f'{meta["version"]!r} is no semantic version')
    for k in ('abstract', 'description', 'generated_by'):
        if k in meta and not nonempty_string(meta[k]):
            err(k, 'must be a non-empty string')
    m = meta.get('maintainer')
    if m is not None and not (nonempty_string(m) or (isinstance(m, list) and m and all(map(nonempty_string, m)))):
        err('maintainer', 'must be a string or a non-empty list of strings')
    lic = meta.get('license')
    if lic is not None:
        ok = (lic in LICENSES if isinstance(lic, str) else
              (isinstance(lic, list) and lic and all(isinstance(x, str) and x in LICENSES for x in lic)) or
              (isinstance(lic, dict) and lic and all(uri(x) for x in lic.values())))
        if not ok:
            err('license', f'{lic!r} is none of the license strings PGXN knows, nor an object of URIs')
    prov = meta.get('provides')
    if prov is not None:
        if not isinstance(prov, dict) or not prov:
            err('provides', 'must be a non-empty object')
        else:
            for ext, spec in prov.items():
                w = f'provides.{ext}'
                if not term(ext):
                    err(w, 'the extension name is no term')
                if not isinstance(spec, dict):
                    err(w, 'must be an object')
                    continue
                only_keys(w, spec, {'file', 'version', 'abstract', 'docfile'})
                if not path(spec.get('file')):
                    err(w + '.file', 'required: a relative path')
                if not semver(spec.get('version')):
                    err(w + '.version', f'required: a semantic version, not {spec.get("version")!r}')
                if 'abstract' in spec and not nonempty_string(spec['abstract']):
                    err(w + '.abstract', 'must be a non-empty string')
                if 'docfile' in spec and not path(spec['docfile']):
                    err(w + '.docfile', 'must be a relative path')
    ms = meta.get('meta-spec')
    if ms is not None:
        if not isinstance(ms, dict) or not re.fullmatch(r'1\.0\.\d+', str(ms.get('version', ''))):
            err('meta-spec', 'must be an object whose version is 1.0.x')
        else:
            only_keys('meta-spec', ms, {'version', 'url'})
            if 'url' in ms and ms['url'] not in ('https://pgxn.org/meta/spec.txt', 'http://pgxn.org/meta/spec.txt'):
                err('meta-spec.url', f'{ms["url"]!r} is not the spec\'s URL')
    tags = meta.get('tags')
    if tags is not None and not (isinstance(tags, list) and tags and all(
            isinstance(t, str) and re.fullmatch(r'[^/\\\x00-\x1f\x7f]{2,255}', t) for t in tags)):
        err('tags', 'must be a non-empty list of 2 to 255 characters without / \\ or control')
    ni = meta.get('no_index')
    if ni is not None:
        if not isinstance(ni, dict):
            err('no_index', 'must be an object')
        else:
            only_keys('no_index', ni, {'file', 'directory'})
            for k, v in ni.items():
                if not custom(k) and not (nonempty_string(v) or (isinstance(v, list) and all(map(nonempty_string, v)))):
                    err('no_index.' + k, 'must be a string or a list of strings')
    pre = meta.get('prereqs')
    if pre is not None:
        if not isinstance(pre, dict) or not pre:
            err('prereqs', 'must be a non-empty object')
        else:
            only_keys('prereqs', pre, {'configure', 'build', 'test', 'runtime', 'develop'})
            for phase, rels in pre.items():
                if custom(phase):
                    continue
                if not isinstance(rels, dict) or not rels:
                    err('prereqs.' + phase, 'must be a non-empty object')
                    continue
                only_keys('prereqs.' + phase, rels, {'requires', 'recommends', 'suggests', 'conflicts'})
                for rel, deps in rels.items():
                    if custom(rel):
                        continue
                    if not isinstance(deps, dict):
                        err(f'prereqs.{phase}.{rel}', 'must be an object')
                        continue
                    for name, rng in deps.items():
                        if not term(name) or not version_range(rng):
                            err(f'prereqs.{phase}.{rel}.{name}', f'{rng!r} is no version range')
    rs = meta.get('release_status')
    if rs is not None and rs not in ('stable', 'testing', 'unstable'):
        err('release_status', f'{rs!r} is not stable, testing or unstable')
    res = meta.get('resources')
    if res is not None:
        if not isinstance(res, dict) or not res:
            err('resources', 'must be a non-empty object')
        else:
            only_keys('resources', res, {'homepage', 'bugtracker', 'repository'})
            if 'homepage' in res and not uri(res['homepage']):
                err('resources.homepage', 'must be a URI')
            bt = res.get('bugtracker')
            if bt is not None:
                if not isinstance(bt, dict) or not bt:
                    err('resources.bugtracker', 'must be a non-empty object')
                else:
                    only_keys('resources.bugtracker', bt, {'web', 'mailto'})
                    if 'web' in bt and not uri(bt['web']):
                        err('resources.bugtracker.web', 'must be a URI')
                    if 'mailto' in bt and not re.fullmatch(r'[^@\s]+@[^@\s]+', str(bt['mailto'])):
                        err('resources.bugtracker.mailto', 'must be an email address')
            repo = res.get('repository')
            if repo is not None:
                if not isinstance(repo, dict) or not repo:
                    err('resources.repository', 'must be a non-empty object')
                else:
                    only_keys('resources.repository', repo, {'url', 'web', 'type'})
                    for k in ('url', 'web'):
                        if k in repo and not uri(repo[k]):
                            err('resources.repository.' + k, 'must be a URI')
                    if 'type' in repo and not re.fullmatch(r'[a-z]+', str(repo['type'])):
                        err('resources.repository.type', 'must be a lower-case word')


def main():
    path_ = sys.argv[1] if len(sys.argv) > 1 else 'META.json'
    try:
        with open(path_, encoding='utf-8') as f:
            meta = json.load(f)
    except (OSError, ValueError) as e:
        print(f'not ok - {path_} is valid JSON: {e}')
        return 1
    check(meta)
    if errors:
        for e in errors:
            print(f'not ok - {path_} follows PGXN Meta Spec 1.0.0: {e}')
        return 1
    print(f'ok - {path_} follows PGXN Meta Spec 1.0.0 (required keys, formats, no unknown keys)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
