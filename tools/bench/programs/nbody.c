#include "bench.h"
#include <math.h>
/* The classic n-body simulation of five bodies: double-precision arithmetic and sqrt. */
typedef struct { double x, y, z, vx, vy, vz, m; } Body;
#define PI 3.141592653589793
#define SOLAR (4 * PI * PI)
#define DPY 365.24
static Body bodies[5] = {
  {0,0,0,0,0,0,SOLAR},
  {4.84143144246472090e+00,-1.16032004402742839e+00,-1.03622044471123109e-01,1.66007664274403694e-03*DPY,7.69901118419740425e-03*DPY,-6.90460016972063023e-05*DPY,9.54791938424326609e-04*SOLAR},
  {8.34336671824457987e+00,4.12479856412430479e+00,-4.03523417114321381e-01,-2.76742510726862411e-03*DPY,4.99852801234917238e-03*DPY,2.30417297573763929e-05*DPY,2.85885980666130812e-04*SOLAR},
  {1.28943695621391310e+01,-1.51111514016986312e+01,-2.23307578892655734e-01,2.96460137564761618e-03*DPY,2.37847173959480950e-03*DPY,-2.96589568540237556e-05*DPY,4.36624404335156298e-05*SOLAR},
  {1.53796971148509165e+01,-2.59193146099879641e+01,1.79258772950371181e-01,2.68067772490389322e-03*DPY,1.62824170038242295e-03*DPY,-9.51592254519715870e-05*DPY,5.15138902046611451e-05*SOLAR}};
static double energy(void) {
  double e = 0;
  for (int i = 0; i < 5; i++) {
    Body *b = &bodies[i];
    e += 0.5 * b->m * (b->vx*b->vx + b->vy*b->vy + b->vz*b->vz);
    for (int j = i + 1; j < 5; j++) {
      Body *c = &bodies[j];
      double dx = b->x - c->x, dy = b->y - c->y, dz = b->z - c->z;
      e -= b->m * c->m / sqrt(dx*dx + dy*dy + dz*dz);
    }
  }
  return e;
}
int main(int argc, char **argv) {
  long steps = bench_n(bench_scale(argc, argv), 12500000);
  double px = 0, py = 0, pz = 0;
  for (int i = 0; i < 5; i++) { px += bodies[i].vx * bodies[i].m; py += bodies[i].vy * bodies[i].m; pz += bodies[i].vz * bodies[i].m; }
  bodies[0].vx = -px / SOLAR; bodies[0].vy = -py / SOLAR; bodies[0].vz = -pz / SOLAR;
  double e0 = energy();
  for (long s = 0; s < steps; s++) {
    for (int i = 0; i < 5; i++) {
      Body *b = &bodies[i];
      for (int j = i + 1; j < 5; j++) {
        Body *c = &bodies[j];
        double dx = b->x - c->x, dy = b->y - c->y, dz = b->z - c->z;
        double d2 = dx*dx + dy*dy + dz*dz;
        double mag = 0.01 / (d2 * sqrt(d2));
        b->vx -= dx * c->m * mag; b->vy -= dy * c->m * mag; b->vz -= dz * c->m * mag;
        c->vx += dx * b->m * mag; c->vy += dy * b->m * mag; c->vz += dz * b->m * mag;
      }
    }
    for (int i = 0; i < 5; i++) { bodies[i].x += 0.01 * bodies[i].vx; bodies[i].y += 0.01 * bodies[i].vy; bodies[i].z += 0.01 * bodies[i].vz; }
  }
  double e1 = energy();
  uint64_t bits0, bits1;
  memcpy(&bits0, &e0, 8); memcpy(&bits1, &e1, 8);
  bench_report("nbody", bits0 ^ (bits1 * 3));
  return 0;
}
